// When to try again. Pure, so the schedule is tested without waiting for it.

/** Attempts before a submission is queued for a later moment (contract: at least 3). */
export const ATTEMPTS = 4;
/** A server asking for a longer pause than this is waited out in the queue, not on the page. */
export const MAX_WAIT_MS = 30_000;

export type Verdict = 'done' | 'permanent' | 'retry';

/** 2xx is done; 408, 429 and 5xx are worth retrying; any other 4xx needs the visitor. */
export function classify(status: number): Verdict {
  if (status >= 200 && status < 300) return 'done';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'permanent';
}

/**
 * Exponential backoff with jitter: about 1 s, 2 s, 4 s… each scaled by a random factor
 * between 0.5 and 1.5, so visitors knocked offline together do not return together.
 */
export function backoff(attemptsMade: number, random: () => number = Math.random): number {
  return Math.round(1000 * 2 ** (attemptsMade - 1) * (0.5 + random()));
}

/** `Retry-After` in milliseconds, from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The first pause before a queued submission is tried again while the page stays open. */
export const REQUEUE_FIRST_MS = 5_000;
/** The longest pause between two tries of a queued submission while the page stays open. */
export const REQUEUE_MAX_MS = 5 * 60_000;

/**
 * When to try a queued submission again on the open page, after `rounds` rounds of attempts
 * failed: about 5 s, 10 s, 20 s… up to 5 minutes, with the same jitter as `backoff`, and never
 * sooner than the server's `Retry-After`.
 */
export function requeueDelay(
  rounds: number,
  retryAfterMs = 0,
  random: () => number = Math.random,
): number {
  const step = Math.min(REQUEUE_FIRST_MS * 2 ** (rounds - 1), REQUEUE_MAX_MS);
  return Math.max(Math.round(step * (0.5 + random())), retryAfterMs);
}
