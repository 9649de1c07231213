/**
 * Token bucket arithmetic, free of I/O and clocks, shared by the memory store and mirrored by
 * the Redis Lua script.
 */

/** A bucket holding up to `capacity` tokens that refills completely over `intervalMs`. */
export interface TokenBucketRule {
  capacity: number;
  intervalMs: number;
}

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this take. */
  remaining: number;
  /** When refused: ms until one token is back. 0 when allowed. */
  retryAfterMs: number;
}

export function takeToken(
  state: BucketState | undefined,
  rule: TokenBucketRule,
  now: number,
): { state: BucketState; result: TakeResult } {
  const rate = rule.capacity / rule.intervalMs;
  const elapsed = state ? Math.max(0, now - state.updatedAt) : 0;
  const tokens = state ? Math.min(rule.capacity, state.tokens + elapsed * rate) : rule.capacity;
  if (tokens >= 1) {
    return {
      state: { tokens: tokens - 1, updatedAt: now },
      result: { allowed: true, remaining: Math.floor(tokens - 1), retryAfterMs: 0 },
    };
  }
  return {
    state: { tokens, updatedAt: now },
    result: { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / rate) },
  };
}

export function checkRule(name: string, rule: TokenBucketRule): void {
  if (!(Number.isFinite(rule.capacity) && rule.capacity >= 1)) {
    throw new TypeError(`rateLimit.${name}.capacity must be a number >= 1`);
  }
  if (!(Number.isFinite(rule.intervalMs) && rule.intervalMs > 0)) {
    throw new TypeError(`rateLimit.${name}.intervalMs must be a positive number of milliseconds`);
  }
}
