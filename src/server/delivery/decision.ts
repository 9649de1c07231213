/**
 * Was the push seen? Pure rules over what is known when the window ends: the app's cancel, web
 * push webhooks, and OneSignal's View-message counts. No I/O, so every path is tested directly.
 */
import type { ViewedMessage } from '../onesignal/client.js';
import type { FallbackJob, FallbackState, PushEvent } from './scheduler.js';

export type FallbackDecision = 'sent-sms' | 'seen' | 'cancelled' | 'no-sms-subscription' | 'failed';

/** Why a decision was made, as reported to `onFallback`. */
export interface FallbackEvidence {
  /** `cancel`: cancelFallback; `webhook`: the browser reported it; `view`: OneSignal's counts. */
  source: 'cancel' | 'webhook' | 'view' | 'none';
  /** Webhook events recorded for the push. */
  events: PushEvent[];
  /** View message: confirmed deliveries (null where no platform of this push reports them). */
  received?: number | null;
  /** View message: clicks. */
  converted?: number;
  /** Platforms the push went to (`platform_delivery_stats` keys), e.g. `chrome_web_push`. */
  platforms?: string[];
  /** Of those, the ones that report no confirmed deliveries (Safari web push): judged by clicks. */
  judgedByClicks?: string[];
  /** The SMS's OneSignal id, for `sent-sms`. */
  smsNotificationId?: string;
  /** For `failed`: what went wrong (no personal data). */
  error?: string;
}

export interface FallbackReport {
  idempotencyKey: string;
  /** The push's OneSignal id. */
  notificationId: string;
  decision: FallbackDecision;
  evidence: FallbackEvidence;
}

/** OneSignal documents that Safari web push reports no confirmed deliveries (`received`). */
const NO_CONFIRMED_DELIVERIES = new Set(['safari_web_push']);

const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

/** A decision from the app and the webhooks alone, or null when OneSignal must be asked. */
export function decideFromState(
  job: Pick<FallbackJob, 'unless'>,
  state: FallbackState,
): { decision: 'cancelled' | 'seen'; evidence: FallbackEvidence } | null {
  const events = [...state.events];
  if (state.cancelled) return { decision: 'cancelled', evidence: { source: 'cancel', events } };
  const conclusive = job.unless === 'clicked' ? ['clicked'] : ['shown', 'clicked'];
  if (events.some((e) => conclusive.includes(e))) {
    return { decision: 'seen', evidence: { source: 'webhook', events } };
  }
  return null;
}

/**
 * `received` counts confirmed deliveries, `converted` clicks. A platform that cannot confirm
 * deliveries is judged by clicks alone: such a push counts as seen only once clicked, never as
 * delivered merely because OneSignal handed it to Apple.
 */
export function judgeView(
  job: Pick<FallbackJob, 'unless'>,
  state: FallbackState,
  view: ViewedMessage,
): { seen: boolean; evidence: FallbackEvidence } {
  const stats = view.platform_delivery_stats ?? {};
  const platforms = Object.keys(stats).filter((p) => {
    const s = stats[p];
    return s && count(s.successful) + count(s.failed) + count(s.errored) + count(s.converted) > 0;
  });
  const judgedByClicks = platforms.filter((p) => {
    const s = stats[p];
    return NO_CONFIRMED_DELIVERIES.has(p) || s?.received === null || s?.received === undefined;
  });
  const canConfirm = platforms.length === 0 || judgedByClicks.length < platforms.length;
  const received = canConfirm ? count(view.received) : null;
  const converted = count(view.converted);
  const evidence: FallbackEvidence = {
    source: 'view',
    events: [...state.events],
    received,
    converted,
    platforms,
    judgedByClicks,
  };
  const seen = converted > 0 || (job.unless === 'received' && (received ?? 0) > 0);
  return { seen, evidence };
}
