import type { PushPermission, RegistrationRequest, ShowReason } from '../../wire/contract.js';
import { UUID_RE } from '../crypto.js';
import { fail } from '../http/problem.js';

const PERMISSIONS: readonly PushPermission[] = ['default', 'granted', 'denied'];
const REASONS: readonly ShowReason[] = [
  'denied',
  'dismissed',
  'unsupported',
  'unavailable',
  'not-subscribed',
  'requested',
];

/** Generous bounds: the body cap already limits the total; these keep single fields sane. */
const MAX_CONSENT_TEXT = 4000;
const MAX_SHORT = 256;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Visitors' clocks can be off by a time zone or more; further ahead is not believable. */
const MAX_CLOCK_SKEW_MS = DAY_MS;
/**
 * The element keeps a submission it could not deliver and sends it on a later page view, with
 * the time the visitor agreed: days later is normal, a consent older than this is stale.
 */
export const MAX_CONSENT_AGE_MS = 30 * DAY_MS;
/** BCP 47 tags in practice (RFC 5646 §4.4.1 asks for at least 35 characters). */
const MAX_LOCALE = 35;

/**
 * Caps of the stored evidence taken from headers and the page URL: kept (cut to the cap), since
 * the visitor cannot shorten them. The consent text is never cut: past its cap, 422.
 */
export const EVIDENCE_CAPS = { pageUrl: 2048, referrer: 2048, origin: 2048, userAgent: 512 };

export function capped(value: string | null, max: number): string | null {
  return value === null || value.length <= max ? value : value.slice(0, max);
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const invalid = (field: string, detail: string): never =>
  fail('invalid-request', 422, detail, field);

function nullableString(body: Json, field: string): string | null {
  const v = body[field];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_SHORT) {
    invalid(field, `\`${field}\` must be a string or null.`);
  }
  return v as string;
}

const consentMissing = (detail: string): never => fail('consent-required', 422, detail, 'consent');

function checkConsent(value: unknown, now: number): RegistrationRequest['consent'] {
  if (!isObject(value)) return consentMissing('Consent to receive text messages is required.');
  const { text, acceptedAt, pageUrl, locale } = value;
  if (typeof text !== 'string' || text.trim().length === 0) {
    consentMissing('The consent text the visitor agreed to is required.');
  }
  if ((text as string).length > MAX_CONSENT_TEXT) consentMissing('The consent text is too long.');
  const accepted = typeof acceptedAt === 'string' ? Date.parse(acceptedAt) : NaN;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(String(acceptedAt)) || Number.isNaN(accepted)) {
    consentMissing('`consent.acceptedAt` must be an ISO 8601 time.');
  }
  if (accepted > now + MAX_CLOCK_SKEW_MS) consentMissing('`consent.acceptedAt` is in the future.');
  if (accepted < now - MAX_CONSENT_AGE_MS) {
    consentMissing('`consent.acceptedAt` is more than 30 days ago: the visitor must agree again.');
  }
  if (typeof pageUrl !== 'string' || !/^https?:$/.test(safeProtocol(pageUrl))) {
    consentMissing('`consent.pageUrl` must be the http(s) URL of the page.');
  }
  if (
    typeof locale !== 'string' ||
    locale.length > MAX_LOCALE ||
    !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(locale)
  ) {
    consentMissing('`consent.locale` must be a language tag such as "en" or "en-GB".');
  }
  return {
    text: text as string,
    acceptedAt: acceptedAt as string,
    pageUrl: capped(pageUrl as string, EVIDENCE_CAPS.pageUrl) as string,
    locale: locale as string,
    ...traceIds(value),
  };
}

/** Optional since older elements do not send them; anything malformed is dropped, not refused. */
function traceIds(value: Json): { elementVersion?: string; textId?: string } {
  const ids: { elementVersion?: string; textId?: string } = {};
  for (const key of ['elementVersion', 'textId'] as const) {
    const v = value[key];
    if (typeof v === 'string' && /^[\w.+:@-]{1,64}$/.test(v)) ids[key] = v;
  }
  return ids;
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

function checkPush(value: unknown): RegistrationRequest['push'] {
  if (
    !isObject(value) ||
    typeof value.supported !== 'boolean' ||
    !PERMISSIONS.includes(value.permission as PushPermission) ||
    !REASONS.includes(value.reason as ShowReason)
  ) {
    return invalid('push', '`push` must hold `supported`, `permission` and `reason`.');
  }
  return {
    supported: value.supported,
    permission: value.permission as PushPermission,
    reason: value.reason as ShowReason,
  };
}

/**
 * Only the configured push-state tag may be written, and only as "true"/"false": the body
 * comes from an anonymous visitor, who must not be able to set arbitrary tags on a user.
 */
function checkTags(value: unknown, tagKey: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) return invalid('tags', '`tags` must be an object of strings.');
  for (const [k, v] of Object.entries(value)) {
    if (k !== tagKey) invalid('tags', `Only the \`${tagKey}\` tag can be set.`);
    if (v !== 'true' && v !== 'false') invalid('tags', `\`${tagKey}\` must be "true" or "false".`);
  }
  return value as Record<string, string>;
}

/**
 * Checks the JSON body against contract section 2, field by field, and returns it typed.
 * Unknown fields are ignored so that a newer element keeps working with an older server.
 */
export function validateRegistration(
  body: unknown,
  opts: { tagKey: string; headerKey: string; now: number },
): RegistrationRequest {
  if (!isObject(body)) return fail('bad-request', 400, 'The request body must be a JSON object.');
  const phone = body.phone;
  if (typeof phone !== 'string' || phone.length === 0 || phone.length > 32) {
    invalid('phone', 'A phone number is required.');
  }
  const country = body.country;
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
    invalid('country', '`country` must be an ISO 3166-1 alpha-2 code such as "GB".');
  }
  const idempotencyKey = body.idempotencyKey;
  if (typeof idempotencyKey !== 'string' || !UUID_RE.test(idempotencyKey)) {
    invalid('idempotencyKey', '`idempotencyKey` must be a UUID.');
  }
  if ((idempotencyKey as string).toLowerCase() !== opts.headerKey.toLowerCase()) {
    invalid('idempotencyKey', '`idempotencyKey` must equal the Idempotency-Key header.');
  }
  const onesignalId = nullableString(body, 'onesignalId');
  if (onesignalId !== null && !UUID_RE.test(onesignalId)) {
    invalid('onesignalId', '`onesignalId` must be a UUID or null.');
  }
  const externalId = nullableString(body, 'externalId');
  const push = checkPush(body.push);
  const consent = checkConsent(body.consent, opts.now);
  const tags = checkTags(body.tags, opts.tagKey);
  return {
    phone: phone as string,
    country: country as string,
    tags,
    onesignalId,
    externalId,
    push,
    consent,
    idempotencyKey: idempotencyKey as string,
  };
}
