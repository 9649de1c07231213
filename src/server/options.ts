import type { ConsentWriter } from './consent/record.js';
import { createMemoryConsentStore } from './consent/memory-store.js';
import { originChecker, type OriginPolicy } from './http/cors.js';
import { UUID_RE } from './crypto.js';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './registration/idempotency.js';
import type { Logger } from './logger.js';
import type { LanguageMap } from './onesignal/client.js';
import { isCountryCode } from './registration/phone.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './registration/rate-limit.js';
import { checkRule, type TokenBucketRule } from './registration/token-bucket.js';

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
  clientIp: SmsFallbackOptions['clientIp'];
}

export const DEFAULT_API_BASE_URL = 'https://api.onesignal.com';
export const DEFAULT_IP_RULE: TokenBucketRule = { capacity: 10, intervalMs: 60_000 };
export const DEFAULT_PHONE_RULE: TokenBucketRule = { capacity: 5, intervalMs: 3_600_000 };
/** OneSignal's View user limit: 1 per second, bursts of 10, per app. */
export const DEFAULT_VIEW_USER_BUDGET: TokenBucketRule = { capacity: 10, intervalMs: 10_000 };

/** OneSignal refuses these tag keys (add-user-data-tags docs). */
const RESTRICTED_TAG_KEYS = new Set([
  'message',
  'notification',
  'subscription',
  'user',
  'template',
  'app',
  'org',
  'dynamic_content',
  'data_feed',
  'journey',
  'custom_data',
]);

const bad = (message: string): never => {
  throw new TypeError(`createSmsFallbackHandler: ${message}`);
};

function positive(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) bad(`${name} must be in (0, ${max}]`);
  return value;
}

/** Read where there is a `process` (Node, Bun, Deno's npm compatibility); Workers have none. */
/** NODE_ENV where the runtime lets us read it (Deno without --allow-env throws on any read). */
function isProduction(): boolean {
  try {
    return (
      (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
        ?.NODE_ENV === 'production'
    );
  } catch {
    return false;
  }
}

/** Shared by the handler and the notifier: the credentials and how to reach OneSignal. */
export function checkCredentials(
  o: { appId?: unknown; apiKey?: unknown; apiBaseUrl?: unknown },
  fail: (message: string) => never,
): void {
  if (typeof o.appId !== 'string' || !UUID_RE.test(o.appId)) {
    fail('appId must be your OneSignal App ID, a UUID (Settings → Keys & IDs)');
  }
  if (typeof o.apiKey !== 'string' || o.apiKey.trim() === '') {
    fail('apiKey is required (your OneSignal App API key; keep it on the server)');
  }
  if (/^(key|basic|bearer)\s/i.test(o.apiKey as string) || /\s/.test(o.apiKey as string)) {
    fail('apiKey must be the bare key, without "Key " or any whitespace');
  }
  if (o.apiBaseUrl !== undefined) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(String(o.apiBaseUrl)).protocol);
    } catch {
      ok = false;
    }
    if (!ok) fail('apiBaseUrl must be an http(s) URL');
  }
}

export function resolveOptions(options: SmsFallbackOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) return bad('options are required');
  checkCredentials(options, bad);

  const origins = options.allowedOrigins;
  if (typeof origins !== 'function' && (!Array.isArray(origins) || origins.length === 0)) {
    bad('allowedOrigins must list the origins of your pages, e.g. ["https://shop.example"]');
  }
  let isAllowedOrigin: ResolvedOptions['isAllowedOrigin'];
  try {
    isAllowedOrigin = originChecker(origins);
  } catch (error) {
    return bad((error as Error).message);
  }

  let countries: Set<string> | null = null;
  if (options.countries !== undefined) {
    if (!Array.isArray(options.countries) || options.countries.length === 0) {
      bad('countries must be a non-empty array of ISO codes such as ["US", "CA"]');
    }
    countries = new Set(options.countries.map((c) => String(c).toUpperCase()));
    for (const c of countries) if (!isCountryCode(c)) bad(`countries: unknown country "${c}"`);
  }

  const tagKey = options.tagKey ?? 'subscribed_to_push';
  if (!/^[\w.-]{1,128}$/.test(tagKey) || RESTRICTED_TAG_KEYS.has(tagKey)) {
    bad(`tagKey "${tagKey}" is not a usable OneSignal tag key`);
  }

  const aliasLabel = options.aliasLabel ?? 'psf_phone';
  if (
    !/^[A-Za-z0-9_-]{1,64}$/.test(aliasLabel) ||
    /^(external_id|onesignal_id)$/.test(aliasLabel)
  ) {
    bad('aliasLabel must be a custom alias label (letters, digits, _ or -), not external_id');
  }
  if (options.aliasSecret !== undefined && String(options.aliasSecret).length < 16) {
    bad('aliasSecret must be at least 16 characters');
  }

  if (options.doubleOptIn && options.welcomeMessage !== undefined) {
    bad('welcomeMessage cannot be combined with doubleOptIn: OneSignal sends the confirmation');
  }
  if (options.smsFrom !== undefined && !/^\+[1-9]\d{6,14}$/.test(options.smsFrom)) {
    bad('smsFrom must be an E.164 number');
  }

  let ipRule: TokenBucketRule | null = null;
  let phoneRule: TokenBucketRule | null = null;
  let rateLimitStore: RateLimitStore | undefined;
  if (options.rateLimit !== false) {
    const rl = options.rateLimit ?? {};
    ipRule = rl.ip === false ? null : (rl.ip ?? DEFAULT_IP_RULE);
    phoneRule = rl.phone === false ? null : (rl.phone ?? DEFAULT_PHONE_RULE);
    try {
      if (ipRule) checkRule('ip', ipRule);
      if (phoneRule) checkRule('phone', phoneRule);
    } catch (error) {
      bad((error as Error).message);
    }
    rateLimitStore = rl.store;
  }

  try {
    if (options.viewUserBudget) checkRule('viewUserBudget', options.viewUserBudget);
  } catch (error) {
    bad((error as Error).message.replace('rateLimit.', ''));
  }

  if (options.consentStore === undefined && isProduction()) {
    bad(
      'consentStore is required under NODE_ENV=production: the default keeps records in memory and loses them on restart. Pass createSqlConsentStore(…) or createJsonLinesConsentStore(…), or createMemoryConsentStore() to accept that.',
    );
  }

  const maxRetries = options.maxRetries ?? 2;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    bad('maxRetries must be an integer from 0 to 10');
  }

  return {
    appId: options.appId.toLowerCase(),
    apiKey: options.apiKey,
    isAllowedOrigin,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    apiBaseUrl: options.apiBaseUrl ?? DEFAULT_API_BASE_URL,
    countries,
    tagKey,
    resolveExternalId: options.resolveExternalId,
    aliasLabel,
    aliasSecret: options.aliasSecret ?? `psf-alias:${options.apiKey}`,
    consentStore: options.consentStore ?? createMemoryConsentStore(),
    consentStoreIsDefault: options.consentStore === undefined,
    optedOutMessage: options.optedOutMessage,
    viewUserBudget: options.viewUserBudget ?? DEFAULT_VIEW_USER_BUDGET,
    ipRule,
    phoneRule,
    rateLimitStore: rateLimitStore ?? createMemoryRateLimitStore(),
    idempotencyStore: options.idempotencyStore ?? createMemoryIdempotencyStore(),
    doubleOptIn: options.doubleOptIn === true,
    welcomeMessage: options.welcomeMessage,
    smsFrom: options.smsFrom,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 8000, 120_000),
    maxRetries,
    retryBaseDelayMs: positive('retryBaseDelayMs', options.retryBaseDelayMs, 250, 60_000),
    retryMaxDelayMs: positive('retryMaxDelayMs', options.retryMaxDelayMs, 5000, 120_000),
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 8192, 1_048_576),
    storeTimeoutMs: positive('storeTimeoutMs', options.storeTimeoutMs, 1000, 60_000),
    clientIp: options.clientIp,
  };
}
