/**
 * The OneSignal side of a registration (reference: onesignal-rest.md §1.9): one upsert, the
 * 409 fallback, the optional welcome text, and the mapping of OneSignal's answers to ours.
 */
import { uuidV5 } from '../crypto.js';
import type { Logger } from '../logger.js';
import {
  describeFailure,
  finalRefusal,
  type Alias,
  type LanguageMap,
  type OneSignalClient,
  type OneSignalFailure,
  type SmsSubscription,
  toLanguageMap,
} from '../onesignal/client.js';
import type { ResolvedOptions, WelcomeMessage } from '../options.js';
import { checkOptOut, refuseOptedOut } from './opt-out.js';
import type { Outcome, Registration } from './attempt.js';
import { jsonAnswer, problem, problemAnswer } from '../http/problem.js';
import { maskPhone } from '../redact.js';
import type { StoreCall } from '../http/deadline.js';

function welcomeContents(message: WelcomeMessage, reg: Registration): LanguageMap {
  const value =
    typeof message === 'function'
      ? message({ country: reg.phone.country, locale: reg.body.consent.locale })
      : message;
  return toLanguageMap(value);
}

/** Language of the form, as OneSignal wants it (ISO 639-1, lower case), when there is one. */
function language(locale: string): string | undefined {
  const primary = locale.split('-')[0]?.toLowerCase();
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

/** Ours after OneSignal failed for good: what the element should do next, and the log line. */
function upstreamFailure(
  failure: OneSignalFailure,
  operation: string,
  masked: string,
  logger: Logger,
): Outcome {
  const fields = {
    phone: masked,
    upstream: describeFailure(failure),
    errors: failure.kind === 'http' ? failure.body : failure.error,
  };
  const refusal = finalRefusal(failure, operation);
  if (refusal) {
    logger.error(refusal, fields);
    const p = problem('upstream-refused', 424, 'Text messages cannot be set up right now.');
    return { answer: problemAnswer(p), final: true };
  }
  if (failure.kind === 'http' && failure.status === 400) {
    logger.warn(`OneSignal refused the number (${operation})`, fields);
    const p = problem(
      'invalid-phone',
      422,
      'This number cannot be registered for text messages.',
      'phone',
    );
    return { answer: problemAnswer(p), final: true };
  }
  if (failure.kind === 'http' && (failure.status === 401 || failure.status === 403)) {
    logger.error(
      `OneSignal rejected the credentials (${operation}): check appId and apiKey`,
      fields,
    );
    // The element stops at this type (contract §7); not kept for replays, so a replay after the
    // key is fixed registers.
    const p = problem('server-misconfigured', 500, 'The service is not configured correctly.');
    return { answer: problemAnswer(p), final: false };
  }
  if (failure.kind === 'http' && failure.status === 429) {
    const seconds = Math.max(1, Math.ceil((failure.retryAfterMs ?? 30_000) / 1000));
    logger.warn(`OneSignal is rate limiting (${operation})`, { ...fields, retryAfterS: seconds });
    const p = problem('upstream-rate-limited', 503, 'Please try again shortly.');
    return { answer: problemAnswer(p, { 'retry-after': String(seconds) }), final: false };
  }
  logger.error(`OneSignal ${operation} failed`, fields);
  const p = problem(
    'upstream-unavailable',
    502,
    'The messaging service is unavailable. Please try again.',
  );
  return { answer: problemAnswer(p), final: false };
}

export async function register(
  reg: Registration,
  o: ResolvedOptions,
  client: OneSignalClient,
  logger: Logger,
  storeCall: StoreCall,
): Promise<Outcome> {
  const masked = maskPhone(reg.phone.e164, reg.phone.callingCode);
  const phoneAlias: Alias = { label: o.aliasLabel, id: reg.phoneAlias };
  // The site's own id is the stable identity; the number's alias rides along so an anonymous
  // repeat of the same number later finds this same user instead of making a new one.
  const primary: Alias = reg.externalId ? { label: 'external_id', id: reg.externalId } : phoneAlias;
  const identity: Record<string, string> = { [phoneAlias.label]: phoneAlias.id };
  if (reg.externalId) identity.external_id = reg.externalId;
  const tags = { [o.tagKey]: reg.body.tags[o.tagKey] ?? 'false' };
  const subscription: SmsSubscription = { type: 'SMS', token: reg.phone.e164, enabled: true };
  const lang = language(reg.body.consent.locale);

  const signedIn = reg.externalId ? primary : null;
  const optOut = await checkOptOut(reg, phoneAlias, signedIn, o, client, logger, storeCall);
  if (optOut.kind === 'failed') return upstreamFailure(optOut.failure, 'view user', masked, logger);
  if (optOut.kind !== 'clear') return refuseOptedOut(optOut, reg, o, logger, masked);

  const created = await client.createUser({
    identity,
    properties: { tags, ...(lang ? { language: lang } : {}), country: reg.phone.country },
    subscriptions: [subscription],
  });

  let existingUser: boolean;
  if (created.ok) {
    existingUser = created.status === 202;
  } else if (created.kind === 'http' && created.status === 409 && reg.externalId) {
    // The number's alias belongs to another (earlier, anonymous) user: move the number to the
    // signed-in user instead, then write the tag there (the upsert wrote nothing).
    logger.info('Alias conflict: moving the number to the signed-in user', { phone: masked });
    const moved = await client.createSubscription(primary, subscription);
    if (!moved.ok) return upstreamFailure(moved, 'create subscription', masked, logger);
    const tagged = await client.updateUserTags(primary, tags);
    if (!tagged.ok) return upstreamFailure(tagged, 'update user', masked, logger);
    existingUser = true;
  } else {
    return upstreamFailure(created, 'create user', masked, logger);
  }

  if (o.welcomeMessage !== undefined && !o.doubleOptIn) {
    await sendWelcome(reg, o, client, logger, primary, masked);
  }

  logger.info('Registered SMS subscription', {
    phone: masked,
    identity: reg.externalId ? 'external_id' : o.aliasLabel,
    existingUser,
  });
  if (o.doubleOptIn)
    return { answer: jsonAnswer(202, { status: 'pending', phone: masked }), final: true };
  // Only a signed-in visitor learns that their user existed: for an anonymous one, 200 vs 201
  // would tell anybody whether a number had signed up before.
  const status = reg.externalId && existingUser ? 200 : 201;
  return { answer: jsonAnswer(status, { status: 'registered', phone: masked }), final: true };
}

/** Best effort: the registration stands even if the text cannot be sent now. */
async function sendWelcome(
  reg: Registration,
  o: ResolvedOptions,
  client: OneSignalClient,
  logger: Logger,
  target: Alias,
  masked: string,
): Promise<void> {
  const sent = await client.createNotification({
    app_id: o.appId,
    target_channel: 'sms',
    include_aliases: { [target.label]: [target.id] },
    name: 'psf-welcome',
    contents: welcomeContents(o.welcomeMessage as WelcomeMessage, reg),
    ...(o.smsFrom ? { sms_from: o.smsFrom } : {}),
    // Derived from the submission: a retried request reuses it and OneSignal sends nothing new.
    idempotency_key: await uuidV5(`welcome:${o.appId}:${reg.body.idempotencyKey.toLowerCase()}`),
  });
  if (!sent.ok) {
    logger.warn('Welcome text not sent', { phone: masked, upstream: describeFailure(sent) });
  } else if (!sent.body?.id) {
    logger.warn('Welcome text not sent', { phone: masked, errors: sent.body?.errors });
  }
}
