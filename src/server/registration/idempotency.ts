import type { Answer } from '../http/problem.js';

/** A final answer kept for replays, with the fingerprint of the body it answered. */
export interface StoredAnswer extends Answer {
  fingerprint: string;
}

export type IdempotencyRecord =
  { state: 'in-flight'; fingerprint: string } | ({ state: 'done' } & StoredAnswer);

/**
 * Remembers answers by Idempotency-Key. Only final answers (2xx, 4xx) are completed; a retryable
 * failure releases its claim so the element's next attempt runs again.
 */
export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Atomically marks `key` as in flight; `false` when the key already holds a record. */
  claim(key: string, fingerprint: string): Promise<boolean>;
  complete(key: string, answer: StoredAnswer): Promise<void>;
  /** Forgets an in-flight claim (never a completed answer). */
  release(key: string): Promise<void>;
  /**
   * Extends a live claim of `fingerprint` by another `inFlightTtlMs`. The handler renews its
   * claims while it works, so a claim outlives its request only by that TTL: a retry that
   * reaches another instance after a crash waits at most that long.
   */
  renew?(key: string, fingerprint: string): Promise<void>;
  /** How long a claim lives without renewal; with `renew`, the handler renews at a third of it. */
  readonly inFlightTtlMs?: number;
}

export interface IdempotencyStoreOptions {
  /** How long final answers are replayed. Default 24 h (the element retries for less). */
  ttlMs?: number;
  /**
   * How long a claim survives a crashed request before the key can run again. Default 6 s,
   * under the element's 15 s request timeout; live requests renew their claims.
   */
  inFlightTtlMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** Renewed every 2 s while the request runs; a duplicate waits up to 10 s for it. */
export const DEFAULT_IN_FLIGHT_TTL_MS = 6_000;

export interface MemoryIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** Records kept; the oldest go first beyond this. Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

export function createMemoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore {
  const ttl = options.ttlMs ?? DAY;
  const inFlightTtl = options.inFlightTtlMs ?? DEFAULT_IN_FLIGHT_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  function live(key: string): IdempotencyRecord | undefined {
    const entry = records.get(key);
    if (entry && entry.expiresAt <= now()) records.delete(key);
    else return entry?.record;
    return undefined;
  }

  function put(key: string, record: IdempotencyRecord, ttlMs: number): void {
    records.delete(key);
    while (records.size >= maxEntries) {
      const oldest = records.keys().next();
      if (oldest.done) break;
      records.delete(oldest.value);
    }
    records.set(key, { record, expiresAt: now() + ttlMs });
  }

  return {
    inFlightTtlMs: inFlightTtl,
    async get(key) {
      return live(key);
    },
    async claim(key, fingerprint) {
      if (live(key)) return false;
      put(key, { state: 'in-flight', fingerprint }, inFlightTtl);
      return true;
    },
    async complete(key, answer) {
      put(key, { state: 'done', ...answer }, ttl);
    },
    async release(key) {
      if (live(key)?.state === 'in-flight') records.delete(key);
    },
    async renew(key, fingerprint) {
      const record = live(key);
      if (record?.state === 'in-flight' && record.fingerprint === fingerprint) {
        put(key, record, inFlightTtl);
      }
    },
  };
}
