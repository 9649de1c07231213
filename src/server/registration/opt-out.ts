/**
 * A number that texted STOP is never re-subscribed by a registration. OneSignal's upsert takes
 * `enabled: true` as "subscribed" (and omitting it means the same), so the number's current
 * state is read first (View user), within a budget shared by every instance: OneSignal allows
 * 1 View user request per second per app, in bursts of 10. What OneSignal reports and what it
 * leaves unsaid: docs/server.md, "Opted-out numbers".
 */
import type { Logger } from '../logger.js';
import {
  toLanguageMap,
  type Alias,
  type OneSignalClient,
  type OneSignalFailure,
  type OneSignalUser,
} from '../onesignal/client.js';
import type { ResolvedOptions } from '../options.js';
import { problem, problemAnswer } from '../http/problem.js';
import type { Outcome, Registration } from './attempt.js';

export type OptOutCheck =
  | { kind: 'clear' }
  | { kind: 'opted-out' }
  /** The shared budget is spent (or its store failed): retry later, never skip the check. */
  | { kind: 'busy'; retryAfterMs: number }
  | { kind: 'failed'; failure: OneSignalFailure };

/** The number's subscription, if this user holds it, is switched off or not subscribed. */
function optedOut(user: OneSignalUser | undefined, phone: string): boolean {
  return (user?.subscriptions ?? []).some(
    (s) =>
      s.type === 'SMS' &&
      s.token === phone &&
      (s.enabled === false ||
        (typeof s.notification_types === 'number' && s.notification_types <= 0)),
  );
}

/**
 * Looks the number up on each user it may be on (its alias's, then the signed-in user's),
 * stopping at the first that holds it. A user that does not exist (404) holds nothing.
 */
export async function checkOptOut(
  phone: string,
  aliases: readonly Alias[],
  o: ResolvedOptions,
  client: OneSignalClient,
  logger: Logger,
): Promise<OptOutCheck> {
  for (const alias of aliases) {
    let budget;
    try {
      budget = await o.rateLimitStore.take(`onesignal-view:${o.appId}`, o.viewUserBudget);
    } catch (error) {
      logger.error('Rate-limit store failed (View user budget)', { error });
      return { kind: 'busy', retryAfterMs: 1000 };
    }
    if (!budget.allowed) return { kind: 'busy', retryAfterMs: budget.retryAfterMs };
    const viewed = await client.viewUser(alias);
    if (!viewed.ok) {
      if (viewed.kind === 'http' && viewed.status === 404) continue;
      return { kind: 'failed', failure: viewed };
    }
    if (optedOut(viewed.body, phone)) return { kind: 'opted-out' };
    if (viewed.body?.subscriptions?.some((s) => s.type === 'SMS' && s.token === phone)) break;
  }
  return { kind: 'clear' };
}

function optedOutDetail(o: ResolvedOptions, country: string, locale: string): string {
  const message = o.optedOutMessage;
  if (message === undefined) {
    return o.smsFrom
      ? `You opted out of our texts. Text START to ${o.smsFrom} to get them again.`
      : 'You opted out of our texts. Reply START to our last text to get them again.';
  }
  const map = toLanguageMap(typeof message === 'function' ? message({ country, locale }) : message);
  const lang = locale.split('-')[0]?.toLowerCase() ?? 'en';
  return map[locale] ?? map[lang] ?? map.en;
}

/**
 * 409 for a number that opted out (final: the visitor has to text START first), its consent
 * record noted as not registered; or 503 while the look-up budget is spent.
 */
export async function refuseOptedOut(
  check: Extract<OptOutCheck, { kind: 'opted-out' | 'busy' }>,
  reg: Registration,
  o: ResolvedOptions,
  logger: Logger,
  masked: string,
): Promise<Outcome> {
  if (check.kind === 'busy') {
    const seconds = Math.max(1, Math.ceil(check.retryAfterMs / 1000));
    logger.warn('View user budget spent: asking the element to retry', { retryAfterS: seconds });
    const p = problem('upstream-rate-limited', 503, 'Please try again shortly.');
    return { answer: problemAnswer(p, { 'retry-after': String(seconds) }), final: false };
  }
  logger.info('Number opted out of texts (STOP): not re-subscribed', { phone: masked });
  try {
    await o.consentStore.recordOutcome?.(reg.consentRecordId, 'opted-out');
  } catch (error) {
    logger.error('Consent store failed to note the opt-out', { phone: masked, error });
  }
  const detail = optedOutDetail(o, reg.phone.country, reg.body.consent.locale);
  return { answer: problemAnswer(problem('sms/opted-out', 409, detail, 'phone')), final: true };
}
