/**
 * The decision at the end of a delivery window, with its I/O: the View-message call (within the
 * shared budget), the SMS (with an idempotency key derived from the caller's, so a re-run job or
 * a second worker never sends twice), and the report.
 */
import {
  decideFromState,
  judgeView,
  type FallbackDecision,
  type FallbackEvidence,
  type FallbackReport,
} from './decision.js';
import type { DecideFallback, DecideOutcome, FallbackJob } from './scheduler.js';
import type { Logger } from '../logger.js';
import {
  describeFailure,
  isRetryable,
  type NotificationBody,
  type OneSignalClient,
} from '../onesignal/client.js';

export interface RunnerOptions {
  client: OneSignalClient;
  takeViewToken: () => Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** The SMS body for a job (same text, same derived idempotency key as an immediate SMS). */
  smsBody: (job: FallbackJob) => Promise<NotificationBody>;
  onFallback: ((report: FallbackReport) => void | Promise<void>) | undefined;
  logger: Logger;
  /** After `dueAt + deadlineMs` a fallback that could not be decided is reported `failed`. */
  deadlineMs: number;
  /** Wait before retrying after a transient OneSignal failure. */
  retryMs: number;
}

export function createFallbackRunner(o: RunnerOptions): DecideFallback {
  function report(
    job: FallbackJob,
    decision: FallbackDecision,
    evidence: FallbackEvidence,
  ): DecideOutcome {
    return {
      done: true,
      async report() {
        const line = { notificationId: job.notificationId, decision, source: evidence.source };
        if (decision === 'failed') {
          o.logger.error('Fallback failed', { ...line, error: evidence.error });
        } else o.logger.info('Fallback decided', line);
        try {
          await o.onFallback?.({
            idempotencyKey: job.idempotencyKey,
            notificationId: job.notificationId,
            decision,
            evidence,
          });
        } catch (error) {
          o.logger.error('onFallback threw; the decision stands', { error });
        }
      },
    };
  }

  const retry = (): DecideOutcome => ({ done: false, rateLimited: false, retryInMs: o.retryMs });

  return async (job, state) => {
    const known = decideFromState(job, state);
    if (known) return report(job, known.decision, known.evidence);
    const events = [...state.events];
    if (Date.now() > job.dueAt + o.deadlineMs) {
      return report(job, 'failed', {
        source: 'none',
        events,
        error: `undecided ${o.deadlineMs} ms after the window ended`,
      });
    }

    const token = await o.takeViewToken();
    if (!token.allowed) return { done: false, rateLimited: true, retryInMs: token.retryAfterMs };
    const view = await o.client.viewNotification(job.notificationId);
    if (!view.ok) {
      if (view.kind === 'http' && view.status === 429) {
        return { done: false, rateLimited: true, retryInMs: view.retryAfterMs ?? 1000 };
      }
      if (isRetryable(view)) return retry();
      return report(job, 'failed', {
        source: 'none',
        events,
        error: `View message refused (${describeFailure(view)})`,
      });
    }
    const verdict = judgeView(job, state, view.body ?? {});
    if (verdict.seen) return report(job, 'seen', verdict.evidence);

    // A cancel that arrived during View message wins; from here on, cancel answers false.
    if (state.commit && !(await state.commit())) {
      return report(job, 'cancelled', { ...verdict.evidence, source: 'cancel' });
    }
    const sms = await o.client.createNotification(await o.smsBody(job));
    if (!sms.ok) {
      if (isRetryable(sms)) return retry();
      return report(job, 'failed', {
        ...verdict.evidence,
        error: `OneSignal did not accept the SMS (${describeFailure(sms)})`,
      });
    }
    if (!sms.body?.id) return report(job, 'no-sms-subscription', verdict.evidence);
    return report(job, 'sent-sms', { ...verdict.evidence, smsNotificationId: sms.body.id });
  };
}
