/**
 * Idempotent replay around a registration: the same key and body get the first final answer;
 * concurrent duplicates wait for the one in flight; the same key with another body is a 422.
 */
import type { IdempotencyStore } from './idempotency.js';
import type { Logger } from './logger.js';
import { fail, problem, problemAnswer, type Answer } from './problem.js';
import type { Outcome } from './register.js';
import { sleep } from './retry.js';

export interface GateResult {
  answer: Answer;
  replayed: boolean;
}

interface Settled {
  fingerprint: string;
  answer: Answer;
  replayed: boolean;
}

export interface GateOptions {
  /** How long to wait for a duplicate in flight on another instance before answering 503. */
  waitMs: number;
  pollMs?: number;
  logger: Logger;
}

export function createIdempotencyGate(store: IdempotencyStore, options: GateOptions) {
  // Duplicates on this instance wait on the first one's promise, not on store polling.
  const local = new Map<string, Promise<Settled>>();
  const pollMs = options.pollMs ?? 100;

  /** Store trouble is retryable for the element: answer 503, never run without the guard. */
  async function guarded<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      options.logger.error(`Idempotency store failed (${what})`, { error });
      return fail('temporarily-unavailable', 503, 'Please try again shortly.', undefined, {
        'retry-after': '1',
      });
    }
  }

  async function execute(
    key: string,
    fingerprint: string,
    work: () => Promise<Outcome>,
  ): Promise<Settled> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const record = await guarded('get', () => store.get(key));
      if (record?.state === 'done') {
        const { status, headers, body } = record;
        return {
          fingerprint: record.fingerprint,
          answer: { status, headers, body },
          replayed: true,
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
          };
        }
        await sleep(pollMs);
        continue;
      }
      if (await guarded('claim', () => store.claim(key, fingerprint))) break;
    }

    let outcome: Outcome;
    try {
      outcome = await work();
    } catch (error) {
      await store.release(key).catch(() => undefined);
      throw error;
    }
    try {
      if (outcome.final) await store.complete(key, { fingerprint, ...outcome.answer });
      else await store.release(key);
    } catch (error) {
      // The work is done; a replay that misses the record runs it again, idempotently upstream.
      options.logger.error('Idempotency store failed (complete)', { error });
    }
    return { fingerprint, answer: outcome.answer, replayed: false };
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
    return { answer: result.answer, replayed: result.replayed || waited };
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
