/**
 * OneSignal's limits on writes (rate-limits reference, onesignal-rest.md §1.7): creating or
 * updating users and subscriptions allows 1,000 requests/s per app and 1 request/s per user or
 * subscription; past either, 429 with `Retry-After` in seconds.
 */
export type WriteAdmission = { ok: true } | { ok: false; retryAfterS: number };

export interface WriteLimits {
  /** Counts one write that touches `keys` (users, subscriptions), or says when to retry. */
  admit(keys: readonly string[]): WriteAdmission;
  /** Notes that a write to `keys` happened now. */
  mark(keys: readonly string[]): void;
}

const SECOND = 1000;

export function createWriteLimits(now: () => number, perAppPerSecond = 1000): WriteLimits {
  let window = { start: now(), count: 0 };
  const last = new Map<string, number>();
  return {
    admit(keys) {
      const t = now();
      if (t - window.start >= SECOND) window = { start: t, count: 0 };
      const busy = keys.some((k) => t - (last.get(k) ?? -Infinity) < SECOND);
      if (busy || window.count >= perAppPerSecond) return { ok: false, retryAfterS: 1 };
      window.count++;
      return { ok: true };
    },
    mark(keys) {
      const t = now();
      for (const k of keys) last.set(k, t);
      // Only the last second matters: keep the map from growing with every user ever written.
      if (last.size > 50_000) for (const [k, at] of last) if (t - at >= SECOND) last.delete(k);
    },
  };
}
