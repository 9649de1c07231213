/**
 * `push-sms-fallback/server`: the reference backend as a Fetch API handler. Runs unchanged on
 * Node 20+, Next.js route handlers, Cloudflare Workers, Deno and Bun: nothing imported from
 * here touches `node:*` modules or Node-only globals.
 */
export { createSmsFallbackHandler, type SmsFallbackHandler } from './http/handler.js';
export type {
  RateLimitOptions,
  SmsFallbackOptions,
  WelcomeContext,
  WelcomeMessage,
} from './options.js';
export { DEFAULT_IP_RULE, DEFAULT_PHONE_RULE } from './options.js';
export type { OriginPolicy } from './http/cors.js';

export type {
  ConsentErasure,
  ConsentOutcome,
  ConsentRecord,
  ConsentStore,
  ConsentWriter,
  StoredConsentRecord,
} from './consent/record.js';
export type { ExportRange } from './consent/query.js';
export type { OptOutEntry, OptOutList } from './consent/opt-outs.js';
export {
  createMemoryConsentStore,
  type MemoryConsentStore,
  type MemoryConsentStoreOptions,
} from './consent/memory-store.js';
export {
  createSqlConsentStore,
  type PhoneCipher,
  type SqlConsentStore,
  type SqlConsentStoreOptions,
  type SqlQuery,
} from './consent/sql-store.js';
export { DEFAULT_RETENTION_DAYS } from './consent/query.js';
export { toCsv, toJsonLines } from './consent/export.js';
export {
  createMemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitStore,
  type TakeResult,
  type TokenBucketRule,
} from './registration/rate-limit.js';
export { createRedisRateLimitStore } from './redis/rate-limit.js';
export type { RedisStoreOptions, SendRedisCommand } from './redis/command.js';
export {
  createMemoryIdempotencyStore,
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type MemoryIdempotencyStoreOptions,
  type StoredAnswer,
} from './registration/idempotency.js';
export { createRedisIdempotencyStore } from './redis/idempotency.js';

export {
  createNotifier,
  FallbackScheduleError,
  OneSignalError,
  type Notifier,
  type NotifierOptions,
  type SendWithFallbackInput,
  type SendWithFallbackResult,
  type FallbackWindow,
} from './delivery/notifier.js';
export { createMemoryScheduler, type MemorySchedulerOptions } from './delivery/memory-scheduler.js';
export { createPushEventsHandler, type PushEventsHandlerOptions } from './delivery/push-events.js';
export type {
  DecideFallback,
  DecideOutcome,
  FallbackJob,
  FallbackScheduler,
  FallbackState,
  PushEvent,
  ScheduleResult,
} from './delivery/scheduler.js';
export type { FallbackDecision, FallbackEvidence, FallbackReport } from './delivery/decision.js';
export type { LanguageMap } from './onesignal/client.js';

export { getClientIp, setClientIp } from './http/client-ip.js';
export type { Logger } from './logger.js';
export { maskPhone, redactText } from './redact.js';
export { PROBLEM_TYPE_PREFIX } from './http/problem.js';
export type { Problem, RegistrationRequest } from '../wire/contract.js';
