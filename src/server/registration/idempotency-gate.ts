/**
 * Idempotent replay around a registration: the same key and body get the first final answer;
 * concurrent duplicates wait for the one in flight; the same key with another body is a 422.
 * Only final answers are replayed: a duplicate that waited on a retryable failure gets that
 * failure as its own answer, not marked as a replay.
 */
import { withDeadline, type StoreCall } from '../http/deadline.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Logger } from '../logger.js';
import { fail, problem, problemAnswer, type Answer } from '../http/problem.js';
import type { Outcome } from './attempt.js';
import { sleep } from '../onesignal/retry.js';

export interface GateResult {
  answer: Answer;
  replayed: boolean;
}

interface Settled {
  fingerprint: string;
  answer: Answer;
  replayed: boolean;
  final: boolean;
}

export interface GateOptions {
  /** How long to wait for a duplicate in flight on another instance before answering 503. */
  waitMs: number;
  pollMs?: number;
  logger: Logger;
  /** Bounds every store call; a failure or silence answers 503. */
  storeCall: StoreCall;
  /** The deadline of the calls whose failure is only logged (renew, complete, release). */
  storeTimeoutMs: number;
}

export function createIdempotencyGate(store: IdempotencyStore, options: GateOptions) {
  // Duplicates on this instance wait on the first one's promise, not on store polling.
  const local = new Map<string, Promise<Settled>>();
  const pollMs = options.pollMs ?? 100;
  const { storeCall, logger } = options;

  /** For calls after the work started: their failure must not change the visitor's answer. */
  function bestEffort(what: string, call: () => Promise<void>): Promise<void> {
    return withDeadline(call(), options.storeTimeoutMs, what).catch((error: unknown) => {
      logger.error(`Idempotency store failed (${what})`, { error });
    });
  }

  /** Renews the claim while the work runs, so it only outlives a crash by the store's TTL. */
  function holdClaim(key: string, fingerprint: string): () => void {
    const ttl = store.inFlightTtlMs;
    const renew = store.renew?.bind(store);
    if (!renew || !ttl) return () => undefined;
    const timer = setInterval(
      () => void bestEffort('renew', () => renew(key, fingerprint)),
      ttl / 3,
    );
    return () => clearInterval(timer);
  }

  async function execute(
    key: string,
    fingerprint: string,
    work: () => Promise<Outcome>,
  ): Promise<Settled> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const record = await storeCall('Idempotency store (get)', () => store.get(key));
      if (record?.state === 'done') {
        const { status, headers, body } = record;
        return {
          fingerprint: record.fingerprint,
          answer: { status, headers, body },
          replayed: true,
          final: true,
        };
      }
      if (record?.state === 'in-flight') {
        if (record.fingerprint !== fingerprint || Date.now() >= deadline) {
          const busy = problem(
            'temporarily-unavailable',
            503,
            'This submission is still being processed.',
          );
          return {
            fingerprint: record.fingerprint,
            answer: problemAnswer(busy, { 'retry-after': '1' }),
            replayed: false,
            final: false,
          };
        }
        await sleep(pollMs);
        continue;
      }
      if (await storeCall('Idempotency store (claim)', () => store.claim(key, fingerprint))) break;
    }

    const release = holdClaim(key, fingerprint);
    let outcome: Outcome;
    try {
      outcome = await work();
    } catch (error) {
      release();
      await bestEffort('release', () => store.release(key));
      throw error;
    }
    release();
    // The work is done; a replay that misses the record runs it again, idempotently upstream.
    if (outcome.final) {
      await bestEffort('complete', () => store.complete(key, { fingerprint, ...outcome.answer }));
    } else {
      await bestEffort('release', () => store.release(key));
    }
    return { fingerprint, answer: outcome.answer, replayed: false, final: outcome.final };
  }

  function settle(result: Settled, fingerprint: string, waited: boolean): GateResult {
    if (result.fingerprint !== fingerprint) {
      fail(
        'idempotency-key-reused',
        422,
        'This Idempotency-Key was already used for a different submission.',
        'idempotencyKey',
      );
    }
    return { answer: result.answer, replayed: result.replayed || (waited && result.final) };
  }

  return async function run(
    key: string,
    fingerprint: string,
    work: () => Promise<Outcome>,
  ): Promise<GateResult> {
    const pending = local.get(key);
    if (pending) return settle(await pending, fingerprint, true);
    const promise = execute(key, fingerprint, work);
    local.set(key, promise);
    try {
      return settle(await promise, fingerprint, false);
    } finally {
      local.delete(key);
    }
  };
}
