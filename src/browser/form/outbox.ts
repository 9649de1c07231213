import { deliver, type Outcome } from '../submission/deliver.js';
import { dequeue, enqueue, type Submission } from '../submission/queue.js';
import { requeueDelay } from '../submission/retry.js';
import type { FormHost } from './host.js';
import { readIdentity } from '../push/identity.js';
import { buildRequest, uuid } from '../submission/request.js';

/** What the visitor submitted, checked. */
export interface Submitted {
  endpoint: string;
  phone: string;
  country: string;
  /** The disclosure exactly as shown. */
  consentText: string;
  /** `site` when the site replaced the disclosure, else the locale of the shipped text. */
  textId: string;
  locale: string;
}

type Unreachable = Extract<Outcome, { kind: 'unreachable' }>;

/**
 * Where a submission waits until the backend has it: saved before the first attempt, sent with
 * retries, and kept when it cannot be delivered. Offline, the element's `online` listener sends
 * it again; online, `retry` is called on a backoff schedule while the page stays open (and the
 * next page view sends it too), always with the same Idempotency-Key.
 */
export class Outbox {
  delivering = false;
  /** The last submission: resent unchanged (same Idempotency-Key) when the visitor submits it again. */
  private last?: Submission;
  /** Why the submission is queued: the browser is offline, or the server did not answer. */
  queuedBy: 'offline' | 'server' = 'offline';
  /** Rounds of attempts the queued submission has had on this page. */
  private rounds = 0;
  private timer?: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: FormHost,
    private readonly settled: (submission: Submission, outcome: Outcome) => Promise<void>,
    private readonly retry: () => void,
  ) {}

  /** The request for what the visitor submitted; the same thing submitted again is a retry: same body, same key. */
  submissionFor({ endpoint, phone, country, consentText, textId, locale }: Submitted): Submission {
    const { last } = this;
    if (last && last.body.phone === phone && last.body.consent.text === consentText) return last;
    const { facts, supported } = this.host.push;
    const { reason, externalId } = this.host;
    const identity = readIdentity();
    this.last = {
      endpoint: new URL(endpoint, document.baseURI).href,
      body: buildRequest({
        phone,
        country,
        tagKey: this.host.tagKey,
        onesignalId: identity.onesignalId,
        externalId: externalId ?? identity.externalId,
        supported,
        permission: facts.permission,
        reason: reason ?? 'unavailable',
        consentText,
        textId,
        locale,
        pageUrl: location.href,
        acceptedAt: new Date(),
        idempotencyKey: uuid(),
      }),
    };
    return this.last;
  }

  async send(submission: Submission): Promise<void> {
    this.last = submission;
    // Saved before the first attempt: a closed tab or a crash mid-request loses nothing.
    enqueue(submission);
    clearTimeout(this.timer);
    this.delivering = true;
    this.host.setFlow('sending');
    const outcome = await deliver(submission);
    this.delivering = false;
    if (outcome.kind === 'unreachable') this.keep(outcome);
    else {
      this.rounds = 0;
      dequeue(submission.body.idempotencyKey);
    }
    await this.settled(submission, outcome);
  }

  private keep(outcome: Unreachable): void {
    this.queuedBy = outcome.code === 'network' && !navigator.onLine ? 'offline' : 'server';
    this.host.setFlow('queued');
    this.timer = setTimeout(
      () => this.host.isConnected && navigator.onLine && this.retry(),
      requeueDelay(++this.rounds, outcome.retryAfterMs),
    );
  }
}
