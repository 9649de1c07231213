/** Checks `createSmsFallbackHandler`'s options, each problem in words, and fills in the defaults. */
import { createMemoryConsentStore } from './consent/memory-store.js';
import { UUID_RE } from './crypto.js';
import { originChecker } from './http/cors.js';
import {
  DEFAULT_API_BASE_URL,
  DEFAULT_IP_RULE,
  DEFAULT_PHONE_RULE,
  DEFAULT_VIEW_USER_BUDGET,
  type ResolvedOptions,
  type SmsFallbackOptions,
} from './options.js';
import { createMemoryIdempotencyStore } from './registration/idempotency.js';
import { isCountryCode } from './registration/phone.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './registration/rate-limit.js';
import { checkRule, type TokenBucketRule } from './registration/token-bucket.js';

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

/**
 * A value the handler needs at run time is absent (an unset environment variable, no store in
 * production): the handler answers 500 `/server-misconfigured` instead of throwing where it is
 * created, so `next build` and similar work without the secrets. A value that is present but
 * wrong (a malformed App ID, a bad option) still throws: that is a bug to see at once.
 */
export class MisconfiguredError extends TypeError {
  constructor(readonly missing: string[]) {
    super(`createSmsFallbackHandler: missing ${missing.join('; ')}`);
    this.name = 'MisconfiguredError';
  }
}

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** What a deployment forgot to provide. */
function missingOptions(options: SmsFallbackOptions): string[] {
  const missing: string[] = [];
  if (blank(options.appId)) missing.push('appId (your OneSignal App ID, e.g. ONESIGNAL_APP_ID)');
  if (blank(options.apiKey))
    missing.push('apiKey (your OneSignal App API key, e.g. ONESIGNAL_API_KEY)');
  const origins = options.allowedOrigins as unknown;
  if (blank(origins) || (Array.isArray(origins) && origins.every(blank))) {
    missing.push('allowedOrigins (the origins of your pages)');
  }
  if (options.consentStore === undefined && isProduction()) {
    missing.push(
      'consentStore (required under NODE_ENV=production: the default keeps records in memory and loses them on restart; pass createSqlConsentStore(…) or createJsonLinesConsentStore(…), or createMemoryConsentStore() to accept that)',
    );
  }
  return missing;
}

const bad = (message: string): never => {
  throw new TypeError(`createSmsFallbackHandler: ${message}`);
};

function positive(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) bad(`${name} must be in (0, ${max}]`);
  return value;
}

/**
 * NODE_ENV where there is a `process` (Node, Bun, Deno's npm compatibility; Workers have none)
 * and the runtime lets us read it (Deno without --allow-env throws on any read).
 */
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
  const missing = missingOptions(options);
  if (missing.length > 0) throw new MisconfiguredError(missing);
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

  const aliasSecret = options.aliasSecret ?? `psf-alias:${options.apiKey}`;
  if (options.consentStore?.usesAliasSecret?.(aliasSecret) === false) {
    bad(
      options.aliasSecret === undefined
        ? 'aliasSecret differs from the consent store’s: pass the handler the same aliasSecret as createSqlConsentStore (the default, derived from apiKey, is not it). Otherwise no record is found by number and every registration answers 503.'
        : 'aliasSecret differs from the consent store’s: pass the same string to the handler and to createSqlConsentStore. Otherwise no record is found by number and every registration answers 503.',
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
    aliasSecret,
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
    registrationBudgetMs: positive(
      'registrationBudgetMs',
      options.registrationBudgetMs,
      12_000,
      60_000,
    ),
    clientIp: options.clientIp,
  };
}
