/**
 * `createSmsFallbackHandler`: a Fetch API `(Request) => Promise<Response>` that checks a
 * registration (contract section 2), records consent and registers the number with OneSignal.
 * Order matters: cheap refusals first, the consent record before any OneSignal call.
 */
import type { RegistrationRequest } from '../../wire/contract.js';
import { checkJsonContentType, MAX_BODY_BYTES, parseJson, readBoundedText } from './body.js';
import { getClientIp, ipBucket } from './client-ip.js';
import { appendConsent } from '../consent/append.js';
import { buildConsentRecord } from '../consent/record.js';
import { ALLOW, corsHeaders, originRefusal, preflightHeaders } from './cors.js';
import { hmacSha256Hex, sha256Hex, UUID_RE } from '../crypto.js';
import {
  createStoreCall,
  DeadlineError,
  unavailable,
  withDeadline,
  type StoreCall,
} from './deadline.js';
import { createIdempotencyGate } from '../registration/idempotency-gate.js';
import { safeLogger } from '../logger.js';
import { createOneSignalClient } from '../onesignal/client.js';
import type { SmsFallbackOptions } from '../options.js';
import { MisconfiguredError, resolveOptions } from '../resolve-options.js';
import { checkPhone, type CheckedPhone } from '../registration/phone.js';
import { fail, problem, problemAnswer, ProblemError, type Answer } from './problem.js';
import type { RateLimitStore, TokenBucketRule } from '../registration/rate-limit.js';
import { maskPhone } from '../redact.js';
import type { Outcome } from '../registration/attempt.js';
import { register } from '../registration/register.js';
import { validateRegistration } from '../registration/validate.js';

export type SmsFallbackHandler = (request: Request) => Promise<Response>;

/**
 * A duplicate waits this long for the same submission in flight elsewhere, then answers 503:
 * under the element's 15 s request timeout, and longer than a crashed instance's claim lives.
 */
const DUPLICATE_WAIT_MS = 10_000;

function toResponse(answer: Answer, extra: Record<string, string>): Response {
  const headers = new Headers(answer.headers);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  headers.set('cache-control', 'no-store');
  const body = answer.status === 204 || answer.body === '' ? null : answer.body;
  return new Response(body, { status: answer.status, headers });
}

async function takeOrFail(
  storeCall: StoreCall,
  store: RateLimitStore,
  key: string,
  rule: TokenBucketRule,
  detail: string,
): Promise<void> {
  // Fail closed: an SMS endpoint without limits invites SMS pumping. The element retries.
  const result = await storeCall('Rate-limit store', () => store.take(key, rule));
  if (!result.allowed) {
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    fail('rate-limited', 429, detail, undefined, { 'retry-after': String(seconds) });
  }
}

/** Answers every request 500 `/server-misconfigured`, and logs once what is missing. */
function misconfiguredHandler(options: SmsFallbackOptions, error: MisconfiguredError) {
  const secrets = typeof options?.apiKey === 'string' ? [options.apiKey] : [];
  const logger = safeLogger(options?.logger, secrets);
  let logged = false;
  return async function smsFallbackHandler(): Promise<Response> {
    if (!logged) {
      logged = true;
      logger.error('The handler is misconfigured: sign-ups are refused until this is fixed', {
        missing: error.missing,
      });
    }
    const p = problem(
      'server-misconfigured',
      500,
      'Sign-ups are unavailable right now. Please try again later.',
    );
    return toResponse(problemAnswer(p), {});
  };
}

export function createSmsFallbackHandler(options: SmsFallbackOptions): SmsFallbackHandler {
  let o: ReturnType<typeof resolveOptions>;
  try {
    o = resolveOptions(options);
  } catch (error) {
    if (error instanceof MisconfiguredError) return misconfiguredHandler(options, error);
    throw error;
  }
  const logger = safeLogger(options.logger, [o.apiKey, o.aliasSecret]);
  if (o.consentStoreIsDefault) {
    logger.warn('No consentStore configured: consent records are kept in memory only');
  }
  const clientOptions = {
    appId: o.appId,
    apiKey: o.apiKey,
    apiBaseUrl: o.apiBaseUrl,
    fetch: o.fetch,
    timeoutMs: o.timeoutMs,
    retry: {
      maxRetries: o.maxRetries,
      baseDelayMs: o.retryBaseDelayMs,
      maxDelayMs: o.retryMaxDelayMs,
    },
    logger,
  };
  const phoneAlias = hmacSha256Hex(o.aliasSecret);
  const storeCall = createStoreCall(logger, o.storeTimeoutMs);
  const gate = createIdempotencyGate(o.idempotencyStore, {
    waitMs: DUPLICATE_WAIT_MS,
    logger,
    storeCall,
    storeTimeoutMs: o.storeTimeoutMs,
  });
  let warnedNoIp = false;

  async function registerNew(
    request: Request,
    body: RegistrationRequest,
    phone: CheckedPhone,
    alias: string,
    ip: string | null,
    deadlineAt: number,
  ): Promise<Outcome> {
    // Thrown refusals (429, 503) release the idempotency claim: they are retryable.
    if (o.phoneRule) {
      await takeOrFail(
        storeCall,
        o.rateLimitStore,
        `phone:${alias}`,
        o.phoneRule,
        'Too many attempts for this number. Please try again later.',
      );
    }
    const resolved = o.resolveExternalId
      ? await withinBudget('resolveExternalId', deadlineAt, () => o.resolveExternalId?.(request))
      : null;
    const externalId = typeof resolved === 'string' && resolved !== '' ? resolved : null;

    const record = await buildConsentRecord({
      request,
      body,
      phone,
      phoneAlias: alias,
      ip,
      externalId,
      appId: o.appId,
      doubleOptIn: o.doubleOptIn,
      now: new Date(),
    });
    // No evidence, no registration.
    await appendConsent(o.consentStore, record, storeCall, logger, {
      phone: maskPhone(phone.e164, phone.callingCode),
    });
    // Every OneSignal call and retry of this registration ends by the same deadline.
    const client = createOneSignalClient({ ...clientOptions, deadlineAt });
    return register(
      { body, phone, phoneAlias: alias, externalId, consentRecordId: record.id },
      o,
      client,
      logger,
      storeCall,
    );
  }

  /** The site's own call, bounded by what is left of the budget: past it, a retryable 503. */
  async function withinBudget<T>(what: string, deadlineAt: number, call: () => T): Promise<T> {
    try {
      return await withDeadline(Promise.resolve(call()), deadlineAt - Date.now(), what);
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error; // Its own failure stays a 500.
      logger.error(`${what} missed the registration budget`, { error });
      return unavailable();
    }
  }

  async function process(
    request: Request,
    origin: string | null,
    allowed: boolean,
  ): Promise<{ answer: Answer; replayed: boolean }> {
    if (request.method === 'OPTIONS') {
      if (origin === null)
        return { answer: { status: 204, headers: { allow: ALLOW }, body: '' }, replayed: false };
      if (!allowed) fail('origin-not-allowed', 403, 'This origin may not use this endpoint.');
      return {
        answer: { status: 204, headers: preflightHeaders(origin), body: '' },
        replayed: false,
      };
    }
    if (request.method !== 'POST') {
      fail('method-not-allowed', 405, 'Use POST.', undefined, { allow: ALLOW });
    }
    if (!allowed) fail('origin-not-allowed', 403, originRefusal(origin));
    checkJsonContentType(request.headers.get('content-type'));

    // One budget for the whole registration, from the request's arrival (docs: registrationBudgetMs).
    const deadlineAt = Date.now() + o.registrationBudgetMs;
    const ip = (o.clientIp ?? getClientIp)(request) ?? null;
    if (o.ipRule && ip) {
      const key = `ip:${ipBucket(ip)}`;
      const detail = 'Too many requests. Please try again later.';
      await takeOrFail(storeCall, o.rateLimitStore, key, o.ipRule, detail);
    } else if (o.ipRule && !warnedNoIp) {
      warnedNoIp = true;
      logger.warn('Client IP unknown: per-IP rate limits are off (see the clientIp option)');
    }

    const key = request.headers.get('idempotency-key')?.trim() ?? '';
    if (!UUID_RE.test(key)) {
      fail(
        'bad-request',
        400,
        'An Idempotency-Key header with a UUID is required.',
        'idempotencyKey',
      );
    }
    const json = parseJson(await readBoundedText(request, o.maxBodyBytes));
    const body = validateRegistration(json, { tagKey: o.tagKey, headerKey: key, now: Date.now() });
    const phone = checkPhone(body.phone, body.country, o.countries);
    // validateRegistration rebuilds the body with its keys in a fixed order (unknown fields
    // dropped), so equal submissions serialise alike whatever order the client sent.
    const [fingerprint, alias] = await Promise.all([
      sha256Hex(JSON.stringify(body)),
      phoneAlias(phone.e164),
    ]);
    return gate(key.toLowerCase(), fingerprint, () =>
      registerNew(request, body, phone, alias, ip, deadlineAt),
    );
  }

  async function smsFallbackHandler(request: Request): Promise<Response> {
    const origin = request.headers.get('origin');
    const allowed = o.isAllowedOrigin(origin);
    const cors = allowed && origin !== null ? corsHeaders(origin) : {};
    try {
      const { answer, replayed } = await process(request, origin, allowed);
      if (request.method === 'OPTIONS') return toResponse(answer, {});
      return toResponse(answer, replayed ? { ...cors, 'idempotent-replayed': 'true' } : cors);
    } catch (error) {
      if (error instanceof ProblemError) {
        return toResponse(problemAnswer(error.problem, error.headers), cors);
      }
      logger.error('Unexpected error', { error });
      const p = problem('server-error', 500, 'Something went wrong. Please try again.');
      return toResponse(problemAnswer(p), cors);
    }
  }
  return Object.assign(smsFallbackHandler, { [MAX_BODY_BYTES]: o.maxBodyBytes });
}
