/**
 * A number that texted STOP is never re-subscribed by a registration. OneSignal's upsert takes
 * `enabled: true` as "subscribed" (and omitting it means the same), so before it the handler
 * checks the local opt-out list and, for numbers it has seen before or a signed-in visitor,
 * the number's users at OneSignal (View user, within a budget shared by every instance: 1
 * request per second per app, bursts of 10). New anonymous numbers cost no look-up. What is
 * covered and what cannot be: docs/server.md, "Opted-out numbers".
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
import type { StoredConsentRecord } from '../consent/record.js';
import { withDeadline, type StoreCall } from '../http/deadline.js';

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
 * Looks the number up on each user it may be on, stopping at the first that holds it. A user
 * that does not exist (404) holds nothing. Each look-up spends the shared View user budget.
 */
async function viewUsers(
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

/**
 * Whether the number may be (re-)enabled, without spending the View user budget on a number
 * this server has never seen: (1) the local opt-out list (imported entries are final); (2) for
 * a number registered here before, its users at OneSignal, found by every alias its consent
 * records were made with (so a rotated secret still finds them); (3) for a signed-in visitor,
 * their own user. A brand-new anonymous number costs no look-up: only an import covers it.
 */
export async function checkOptOut(
  reg: Registration,
  current: Alias,
  signedIn: Alias | null,
  o: ResolvedOptions,
  client: OneSignalClient,
  logger: Logger,
  storeCall: StoreCall,
): Promise<OptOutCheck> {
  const store = o.consentStore;
  const phone = reg.phone.e164;
  const findOptOut = store.findOptOut?.bind(store);
  const local = findOptOut
    ? await storeCall('Consent store (opt-out list)', () => findOptOut(phone))
    : null;
  if (local && !local.learned) return { kind: 'opted-out' };
  const known = await earlierAliases(reg, store, storeCall);
  const aliases = new Map<string, Alias>();
  if (known === null || known.length > 0 || local) aliases.set(current.id, current);
  for (const id of known ?? []) aliases.set(id, { label: current.label, id });
  if (signedIn) aliases.set(`\n${signedIn.id}`, signedIn);
  if (aliases.size === 0) return { kind: 'clear' };

  const check = await viewUsers(phone, [...aliases.values()], o, client, logger);
  if (check.kind === 'opted-out' && !local) {
    await learn(() => store.importOptOuts?.([phone], { learned: true }), logger);
  } else if (check.kind === 'clear' && local) {
    // OneSignal shows it subscribed again: the number texted START since we learned the STOP.
    await learn(() => store.clearOptOut?.(phone), logger);
  } else if (local) {
    return { kind: 'opted-out' }; // Unsure (busy, failed): never re-enable a known opt-out.
  }
  return check;
}

/** The aliases earlier records of the number were made with; null when the store cannot say. */
async function earlierAliases(
  reg: Registration,
  store: ResolvedOptions['consentStore'],
  storeCall: StoreCall,
): Promise<string[] | null> {
  if (!('findConsent' in store) || typeof store.findConsent !== 'function') return null;
  const find = store.findConsent.bind(store) as (phone: string) => Promise<StoredConsentRecord[]>;
  const records = await storeCall('Consent store (find)', () => find(reg.phone.e164));
  const ids = records.filter((r) => r.id !== reg.consentRecordId).map((r) => r.phoneAlias);
  return [...new Set(ids)];
}

/** Keeping what was learned is best effort: the answer stands either way. */
async function learn(call: () => Promise<unknown> | undefined, logger: Logger): Promise<void> {
  try {
    await withDeadline(Promise.resolve(call()), LEARN_DEADLINE_MS, 'Consent store (opt-out list)');
  } catch (error) {
    logger.error('Consent store failed to keep an opt-out change', { error });
  }
}

const LEARN_DEADLINE_MS = 2000;

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
