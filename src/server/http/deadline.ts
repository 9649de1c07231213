/**
 * Deadlines for the stores the handler waits on (rate limits, idempotency, consent). A store that
 * stops answering (a stalled Redis keeps the socket open and never replies) must cost a
 * visitor about a second and a retryable 503, never a hung request.
 */
import type { Logger } from '../logger.js';
import { fail } from './problem.js';

export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** `promise`, or a DeadlineError after `ms`. The timer never outlives the race. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export const unavailable = (): never =>
  fail('temporarily-unavailable', 503, 'Please try again shortly.', undefined, {
    'retry-after': '1',
  });

/** Runs one store call under the deadline; a failure or silence is logged and answers 503. */
export type StoreCall = <T>(
  what: string,
  call: () => Promise<T>,
  fields?: Record<string, unknown>,
) => Promise<T>;

export function createStoreCall(logger: Logger, timeoutMs: number): StoreCall {
  return async (what, call, fields) => {
    try {
      return await withDeadline(call(), timeoutMs, what);
    } catch (error) {
      logger.error(`${what} failed`, { ...fields, error });
      return unavailable();
    }
  };
}
