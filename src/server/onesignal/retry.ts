/** Retry timing for calls to OneSignal: pure, so the schedule is tested without waiting. */

/** `Retry-After` as delay-seconds or an HTTP-date, in ms from `now`; undefined when absent/invalid. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base·2^attempt)]. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  /** Cap for backoff, and the longest Retry-After we wait for inside one request. */
  maxDelayMs: number;
}

/**
 * The wait before the next attempt, or null to stop: out of attempts, or the server asks for a
 * longer pause than one request should hold a visitor (the caller then passes Retry-After on).
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random?: () => number,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : null;
  return backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
