import {
  takeToken,
  type BucketState,
  type TakeResult,
  type TokenBucketRule,
} from './token-bucket.js';

export type { TakeResult, TokenBucketRule } from './token-bucket.js';

/**
 * Where token buckets live. `take` must be atomic per key: several handler instances that share
 * a store (Redis) must never hand out more tokens than the bucket holds.
 */
export interface RateLimitStore {
  take(key: string, rule: TokenBucketRule): Promise<TakeResult>;
}

export interface MemoryRateLimitStoreOptions {
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /**
   * Buckets kept per namespace (the key up to its first `:`, so `ip:` and `phone:` buckets
   * never compete). Default 50 000 (about 20 MB each; `npm run bench:server` measures it).
   */
  maxKeys?: number;
}

/** A bucket with the time it holds `capacity` again, when it can be forgotten at no cost. */
type Entry = BucketState & { fullAt: number };

/** How many of the least recently used buckets a full namespace looks at for a refilled one. */
const SWEEP = 32;

/**
 * Per-process buckets: fine for one instance; use the Redis store when several share traffic.
 * Bounded without ever forgetting a bucket that still limits someone: a full namespace drops
 * only buckets that have refilled (forgetting those changes nothing), and while none has, it
 * refuses new keys (429) instead of evicting a live one. A flood of new clients can thus slow
 * down other new clients, but never reset the limit of a number or an address.
 */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  // A Map iterates in insertion order; re-inserting on every take keeps it in LRU order.
  const namespaces = new Map<string, Map<string, Entry>>();

  /** Drops refilled buckets among the least recently used; else how long until one refills. */
  function makeRoom(buckets: Map<string, Entry>, t: number): number {
    let soonest = Infinity;
    let seen = 0;
    for (const [key, entry] of buckets) {
      if (entry.fullAt <= t) buckets.delete(key);
      else soonest = Math.min(soonest, entry.fullAt);
      if (++seen >= SWEEP) break;
    }
    return buckets.size < maxKeys ? 0 : Math.max(1, Math.ceil(soonest - t));
  }

  return {
    async take(key, rule) {
      const namespace = key.slice(0, Math.max(0, key.indexOf(':')));
      let buckets = namespaces.get(namespace);
      if (!buckets) namespaces.set(namespace, (buckets = new Map()));
      const t = now();
      const previous = buckets.get(key);
      if (!previous && buckets.size >= maxKeys) {
        const waitMs = makeRoom(buckets, t);
        if (waitMs > 0) return { allowed: false, remaining: 0, retryAfterMs: waitMs };
      }
      buckets.delete(key);
      const { state, result } = takeToken(previous, rule, t);
      const refillMs = ((rule.capacity - state.tokens) * rule.intervalMs) / rule.capacity;
      buckets.set(key, { ...state, fullAt: t + refillMs });
      return result;
    },
  };
}
