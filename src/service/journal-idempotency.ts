/**
 * The embedded default's idempotency store: the library's memory store answers, and every final
 * answer is appended to a file in PSF_DATA_DIR, so an element retrying across a restart gets
 * the first answer back instead of a second registration. Claims in flight stay in memory: a
 * restart ends their requests, and the element's retry runs again.
 *
 * The file stays bounded: on start it is rewritten with the answers still live (expired, torn
 * and superseded lines dropped), and again once it holds as many appended lines as the store
 * keeps answers. One process owns it (see data-dir.ts's lock).
 */
import { readFile, type FileHandle } from 'node:fs/promises';
import { rewriteJournal } from './journal-file.js';
import {
  createMemoryIdempotencyStore,
  type IdempotencyStore,
  type Logger,
  type StoredAnswer,
} from '../server/index.js';

/** As long as the library's memory store replays an answer by default, and as many. */
const ANSWER_TTL_MS = 24 * 3_600_000;
const MAX_ANSWERS = 10_000;

interface Line {
  key: string;
  /** When the answer was completed (ms since the epoch): it expires ANSWER_TTL_MS later. */
  at: number;
  answer: StoredAnswer;
}

export interface JournalIdempotencyStore extends IdempotencyStore {
  close(): Promise<void>;
}

async function readLines(path: string, logger: Logger): Promise<Line[]> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let torn = 0;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      lines.push(JSON.parse(raw) as Line);
    } catch {
      torn += 1; // cut short by a crash mid-write
    }
  }
  if (torn > 0) logger.warn('Idempotency file: skipped unreadable lines', { count: torn });
  return lines;
}

export async function createJournalIdempotencyStore(
  path: string,
  logger: Logger,
): Promise<JournalIdempotencyStore> {
  // Restored answers keep their first expiry: the store reads the clock when it completes one.
  let restoringAt: number | undefined;
  const inner = createMemoryIdempotencyStore({
    ttlMs: ANSWER_TTL_MS,
    maxEntries: MAX_ANSWERS,
    now: () => restoringAt ?? Date.now(),
  });
  /** The live answers, oldest first, as the file will hold them after compaction. */
  const live = new Map<string, Line>();
  const remember = (line: Line): void => {
    live.delete(line.key);
    live.set(line.key, line);
    if (live.size > MAX_ANSWERS) live.delete(live.keys().next().value as string);
  };

  const cutoff = Date.now() - ANSWER_TTL_MS;
  for (const line of await readLines(path, logger)) {
    if (typeof line.key !== 'string' || !(line.at > cutoff) || !line.answer) continue;
    remember(line);
  }
  for (const line of live.values()) {
    restoringAt = line.at;
    await inner.complete(line.key, line.answer);
  }
  restoringAt = undefined;

  let handle: FileHandle | undefined;
  let appended = 0;
  async function compact(): Promise<void> {
    const expired = Date.now() - ANSWER_TTL_MS;
    for (const [key, line] of live) if (line.at <= expired) live.delete(key);
    const text = [...live.values()].map((l) => `${JSON.stringify(l)}\n`).join('');
    handle = await rewriteJournal(path, text, handle);
    appended = 0;
  }
  await compact();

  /**
   * Answers are written in the background, many per write, moments after they are given: a
   * registration never waits on the disk (the answer stands in memory), and SIGTERM writes
   * what is left (close). Lines are not synced on every answer, so a crash or power cut may
   * lose the last few, which at worst lets a retry register again.
   */
  let batch: Line[] = [];
  let writing: Promise<void> | undefined;
  async function drain(): Promise<void> {
    while (batch.length > 0) {
      const lines = batch;
      batch = [];
      try {
        await handle?.appendFile(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        appended += lines.length;
        if (appended >= MAX_ANSWERS) await compact();
      } catch (error) {
        // The answers still stand in memory; only a restart would forget them.
        logger.warn('Idempotency file: could not keep answers', { error, count: lines.length });
      }
    }
    writing = undefined;
  }

  return {
    inFlightTtlMs: inner.inFlightTtlMs,
    get: (key) => inner.get(key),
    claim: (key, fingerprint) => inner.claim(key, fingerprint),
    release: (key) => inner.release(key),
    renew: (key, fingerprint) => inner.renew?.(key, fingerprint) ?? Promise.resolve(),
    async complete(key, answer) {
      await inner.complete(key, answer);
      const line = { key, at: Date.now(), answer };
      remember(line);
      batch.push(line);
      writing ??= drain();
    },
    async close() {
      await writing;
      await handle?.close();
      handle = undefined;
    },
  };
}
