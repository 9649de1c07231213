/**
 * What `createSmsFallbackHandler` takes, what it makes of it, and the defaults; checked in
 * resolve-options.ts.
 */
import type { ConsentWriter } from './consent/record.js';
import type { OriginPolicy } from './http/cors.js';
import type { Logger } from './logger.js';
import type { LanguageMap } from './onesignal/client.js';
import type { IdempotencyStore } from './registration/idempotency.js';
import type { RateLimitStore } from './registration/rate-limit.js';
import type { TokenBucketRule } from './registration/token-bucket.js';

export interface WelcomeContext {
  /** ISO country of the number. */
  country: string;
  /** The locale the visitor saw the form in. */
  locale: string;
}

/** A text, a map of language → text (`en` required), or a function of the submission. */
export type WelcomeMessage =
  string | LanguageMap | ((context: WelcomeContext) => string | LanguageMap);

export interface RateLimitOptions {
  /** Per client IP. Default 10 per minute. `false` turns it off. */
  ip?: TokenBucketRule | false;
  /** Per phone number. Default 5 per hour. `false` turns it off. */
  phone?: TokenBucketRule | false;
  /** Default: in memory, per process. */
  store?: RateLimitStore;
}

export interface SmsFallbackOptions {
  /** OneSignal App ID (a UUID; public). */
  appId: string;
  /** OneSignal App API key, sent as `Authorization: Key …`. Server-side only. */
  apiKey: string;
  /** Origins allowed to POST (`https://shop.example`), or a predicate. */
  allowedOrigins: OriginPolicy;
  /** Used for every OneSignal call. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default `https://api.onesignal.com`. */
  apiBaseUrl?: string;
  /** ISO 3166-1 alpha-2 allow-list, e.g. `['US', 'CA']`. Default: all. */
  countries?: readonly string[];
  /** The only tag a visitor may send, with value "true"/"false". Default `subscribed_to_push`. */
  tagKey?: string;
  /** Your signed-in user's id (from a session you verified), or null for anonymous visitors. */
  resolveExternalId?: (
    request: Request,
  ) => string | null | undefined | Promise<string | null | undefined>;
  /** OneSignal alias label for the HMAC of the number. Default `psf_phone`. */
  aliasLabel?: string;
  /** HMAC key for that alias. Default: derived from `apiKey` (set it to survive key rotation). */
  aliasSecret?: string;
  /**
   * Where consent records go. Default: in memory, at most 10 000 records, lost on restart (a
   * warning is logged); refused under `NODE_ENV=production`, where only an explicit store will do.
   */
  consentStore?: ConsentWriter;
  /**
   * The `detail` of the 409 for a number that opted out (texted STOP): how to opt back in. A
   * text, `{ en, de, … }` (by the form's language), or a function. Default: English, naming
   * `smsFrom` when set.
   */
  optedOutMessage?: WelcomeMessage;
  /**
   * Budget for OneSignal's View user calls (one per registration, to see whether the number
   * opted out), shared through `rateLimit.store`. Default 10 at once, then 1 per second: the
   * limit OneSignal sets per app. Beyond it registrations get 503 + Retry-After.
   */
  viewUserBudget?: TokenBucketRule;
  /** Token buckets per IP and per number, or `false` to turn rate limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** Default: in memory, 24 h. */
  idempotencyStore?: IdempotencyStore;
  /** Answer 202 and leave confirmation to OneSignal's SMS double opt-in. Default false. */
  doubleOptIn?: boolean;
  /** Text sent once after registration. Default: none. */
  welcomeMessage?: WelcomeMessage;
  /** Sender number for the welcome text (E.164). Default: the app's SMS setup. */
  smsFrom?: string;
  /** Per OneSignal call. Default 8000 ms. */
  timeoutMs?: number;
  /** Retries per OneSignal call on 429/5xx/network/timeout. Default 2. */
  maxRetries?: number;
  /** First backoff step. Default 250 ms. */
  retryBaseDelayMs?: number;
  /** Backoff cap and the longest Retry-After honoured in-request. Default 5000 ms. */
  retryMaxDelayMs?: number;
  /** Largest accepted body. Default 8192 bytes. */
  maxBodyBytes?: number;
  /** Deadline of each store call (rate limit, idempotency, consent); past it, 503. Default 1000 ms. */
  storeTimeoutMs?: number;
  /**
   * One registration's whole time, from the request's arrival: resolveExternalId, the store
   * calls, every OneSignal call and retry. Past it, 503 (or 502 when OneSignal failed). Default
   * 12 000 ms, under the element's 15 s request timeout.
   */
  registrationBudgetMs?: number;
  /** Default `console`. `false` silences. Receives masked data only. */
  logger?: Logger | false;
  /** The client IP for rate limiting. Default: what an adapter recorded with `setClientIp`. */
  clientIp?: (request: Request) => string | null | undefined;
}

export interface ResolvedOptions {
  appId: string;
  apiKey: string;
  isAllowedOrigin: (origin: string | null) => boolean;
  fetch: typeof fetch;
  apiBaseUrl: string;
  countries: ReadonlySet<string> | null;
  tagKey: string;
  resolveExternalId: SmsFallbackOptions['resolveExternalId'];
  aliasLabel: string;
  aliasSecret: string;
  consentStore: ConsentWriter;
  consentStoreIsDefault: boolean;
  optedOutMessage: WelcomeMessage | undefined;
  viewUserBudget: TokenBucketRule;
  ipRule: TokenBucketRule | null;
  phoneRule: TokenBucketRule | null;
  rateLimitStore: RateLimitStore;
  idempotencyStore: IdempotencyStore;
  doubleOptIn: boolean;
  welcomeMessage: WelcomeMessage | undefined;
  smsFrom: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxBodyBytes: number;
  storeTimeoutMs: number;
  registrationBudgetMs: number;
  clientIp: SmsFallbackOptions['clientIp'];
}

export const DEFAULT_API_BASE_URL = 'https://api.onesignal.com';
export const DEFAULT_IP_RULE: TokenBucketRule = { capacity: 10, intervalMs: 60_000 };
export const DEFAULT_PHONE_RULE: TokenBucketRule = { capacity: 5, intervalMs: 3_600_000 };
/** OneSignal's View user limit: 1 per second, bursts of 10, per app. */
export const DEFAULT_VIEW_USER_BUDGET: TokenBucketRule = { capacity: 10, intervalMs: 10_000 };
