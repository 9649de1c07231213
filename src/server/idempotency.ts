import type { Answer } from './problem.js';

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
}

export interface IdempotencyStoreOptions {
  /** How long final answers are replayed. Default 24 h (the element retries for less). */
  ttlMs?: number;
  /** How long a claim survives a crashed request before the key can run again. Default 60 s. */
  inFlightTtlMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

export interface MemoryIdempotencyStoreOptions extends IdempotencyStoreOptions {
  /** Records kept; the oldest go first beyond this. Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

export function createMemoryIdempotencyStore(
  options: MemoryIdempotencyStoreOptions = {},
): IdempotencyStore {
  const ttl = options.ttlMs ?? DAY;
  const inFlightTtl = options.inFlightTtlMs ?? 60_000;
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
  };
}
