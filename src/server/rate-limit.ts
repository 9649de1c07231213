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
  /** Buckets kept; beyond it the least recently used goes (it has refilled the longest). Default 10 000. */
  maxKeys?: number;
}

/** Per-process buckets: fine for one instance; use the Redis store when several share traffic. */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  // A Map iterates in insertion order; re-inserting on every take keeps it in LRU order,
  // so eviction is O(1).
  const buckets = new Map<string, BucketState>();

  return {
    async take(key, rule) {
      const previous = buckets.get(key);
      buckets.delete(key);
      const { state, result } = takeToken(previous, rule, now());
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      buckets.set(key, state);
      return result;
    },
  };
}
