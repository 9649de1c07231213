/**
 * `push-sms-fallback/server`: the reference backend as a Fetch API handler. Runs unchanged on
 * Node 20+, Next.js route handlers, Cloudflare Workers, Deno and Bun: nothing imported from
 * here touches `node:*` modules or Node-only globals.
 */
export { createSmsFallbackHandler, type SmsFallbackHandler } from './handler.js';
export type {
  RateLimitOptions,
  SmsFallbackOptions,
  WelcomeContext,
  WelcomeMessage,
} from './options.js';
export { DEFAULT_IP_RULE, DEFAULT_PHONE_RULE } from './options.js';
export type { OriginPolicy } from './cors.js';

export type {
  ConsentErasure,
  ConsentOutcome,
  ConsentRecord,
  ConsentStore,
  ConsentWriter,
  ExportRange,
  StoredConsentRecord,
} from './consent.js';
export {
  createMemoryConsentStore,
  type MemoryConsentStore,
  type MemoryConsentStoreOptions,
} from './memory-consent-store.js';
export {
  createSqlConsentStore,
  type PhoneCipher,
  type SqlConsentStore,
  type SqlConsentStoreOptions,
  type SqlQuery,
} from './sql-consent-store.js';
export { DEFAULT_RETENTION_DAYS } from './consent-query.js';
export { toCsv, toJsonLines } from './consent-export.js';
export {
  createMemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitStore,
  type TakeResult,
  type TokenBucketRule,
} from './rate-limit.js';
export { createRedisRateLimitStore } from './redis-rate-limit.js';
export type { RedisStoreOptions, SendRedisCommand } from './redis.js';
export {
  createMemoryIdempotencyStore,
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type MemoryIdempotencyStoreOptions,
  type StoredAnswer,
} from './idempotency.js';
export { createRedisIdempotencyStore } from './redis-idempotency.js';

export {
  createNotifier,
  OneSignalError,
  type Notifier,
  type NotifierOptions,
  type SendWithFallbackInput,
  type SendWithFallbackResult,
  type FallbackWindow,
} from './notifier.js';
export { createMemoryScheduler, type MemorySchedulerOptions } from './memory-scheduler.js';
export { createPushEventsHandler, type PushEventsHandlerOptions } from './push-events.js';
export type {
  DecideFallback,
  DecideOutcome,
  FallbackJob,
  FallbackScheduler,
  FallbackState,
  PushEvent,
  ScheduleResult,
} from './fallback-scheduler.js';
export type { FallbackDecision, FallbackEvidence, FallbackReport } from './fallback-decision.js';
export type { LanguageMap } from './onesignal-client.js';

export { getClientIp, setClientIp } from './client-ip.js';
export type { Logger } from './logger.js';
export { maskPhone } from './redact.js';
export { PROBLEM_TYPE_PREFIX } from './problem.js';
export type { Problem, RegistrationRequest } from '../contract.js';
