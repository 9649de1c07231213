/**
 * The embedded default's durable scheduler: the library's memory scheduler keeps time, and every
 * change (scheduled, cancelled, webhook event, decided) is appended to a journal file and
 * flushed before it is acknowledged. On start the journal is replayed, so pending fallbacks
 * survive a restart or a crash. One process owns the file (see data-dir.ts's lock).
 *
 * A decision cut short by a crash is made again after the restart: the SMS carries an
 * idempotency key derived from the caller's, so OneSignal sends it once.
 */
import { readFile, type FileHandle } from 'node:fs/promises';
import { rewriteJournal } from './journal-file.js';
import {
  createMemoryScheduler,
  type FallbackJob,
  type FallbackScheduler,
  type Logger,
  type PushEvent,
} from '../server/index.js';

type Entry =
  | { t: 'schedule'; job: FallbackJob }
  | { t: 'cancel'; key: string }
  | { t: 'event'; key: string; event: PushEvent }
  | { t: 'decided'; key: string; at: number };

interface Pending {
  job: FallbackJob;
  cancelled: boolean;
  events: PushEvent[];
}

/** Decided keys are kept as long as OneSignal keeps idempotency keys, at most this many. */
const DECIDED_MAX = 100_000;
const DECIDED_MS = 30 * 24 * 3_600_000;
/** Rewrite the journal from the live state after this many appends. */
const COMPACT_AFTER = 5_000;

export interface JournalScheduler extends FallbackScheduler {
  readonly pendingCount: number;
  ping(): Promise<void>;
}

export async function createJournalScheduler(
  path: string,
  logger: Logger,
): Promise<JournalScheduler> {
  const pending = new Map<string, Pending>();
  const byNotification = new Map<string, string>();
  const decided = new Map<string, number>();
  let torn = 0;

  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: Entry;
    try {
      entry = JSON.parse(line) as Entry;
    } catch {
      torn += 1; // a line cut short by a crash mid-write: it was never acknowledged
      continue;
    }
    apply(entry);
  }
  if (torn > 0) logger.warn('Fallback journal: skipped unreadable lines', { count: torn });

  function apply(entry: Entry): void {
    if (entry.t === 'schedule') {
      pending.set(entry.job.idempotencyKey, { job: entry.job, cancelled: false, events: [] });
      byNotification.set(entry.job.notificationId, entry.job.idempotencyKey);
    } else if (entry.t === 'decided') {
      const p = pending.get(entry.key);
      if (p) byNotification.delete(p.job.notificationId);
      pending.delete(entry.key);
      decided.delete(entry.key);
      decided.set(entry.key, entry.at);
    } else {
      const p = pending.get(entry.key);
      if (p && entry.t === 'cancel') p.cancelled = true;
      if (p && entry.t === 'event' && !p.events.includes(entry.event)) p.events.push(entry.event);
    }
  }

  function snapshot(): string {
    const cutoff = Date.now() - DECIDED_MS;
    const keep = [...decided].filter(([, at]) => at > cutoff).slice(-DECIDED_MAX);
    const lines: Entry[] = keep.map(([key, at]) => ({ t: 'decided', key, at }));
    for (const p of pending.values()) {
      lines.push({ t: 'schedule', job: p.job });
      if (p.cancelled) lines.push({ t: 'cancel', key: p.job.idempotencyKey });
      for (const event of p.events) lines.push({ t: 'event', key: p.job.idempotencyKey, event });
    }
    return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  }

  let handle: FileHandle | undefined;
  let appended = 0;
  async function compact(): Promise<void> {
    handle = await rewriteJournal(path, snapshot(), handle);
    appended = 0;
  }
  await compact();

  let queue: Promise<unknown> = Promise.resolve();
  /** Appends and flushes; resolves once the line is on disk. Writes never interleave. */
  function write(entry: Entry): Promise<void> {
    const next = queue.then(async () => {
      apply(entry);
      await handle?.appendFile(`${JSON.stringify(entry)}\n`);
      await handle?.datasync();
      if (++appended >= COMPACT_AFTER) await compact();
    });
    queue = next.catch(() => undefined);
    return next;
  }

  const inner = createMemoryScheduler({ logger: false, maxDecided: DECIDED_MAX });
  const replay = [...pending.values()];
  for (const p of replay) {
    await inner.schedule(p.job);
    if (p.cancelled) await inner.cancel(p.job.idempotencyKey);
    for (const event of p.events) await inner.recordEvent(p.job.notificationId, event);
  }
  if (replay.length > 0) logger.info('Pending fallbacks restored', { count: replay.length });

  return {
    get pendingCount() {
      return pending.size;
    },
    start(decide) {
      inner.start(async (job, state) => {
        const outcome = await decide(job, state);
        if (!outcome.done) return outcome;
        return {
          done: true,
          report: async () => {
            await write({ t: 'decided', key: job.idempotencyKey, at: Date.now() });
            await outcome.report();
          },
        };
      });
    },
    async schedule(job) {
      if (decided.has(job.idempotencyKey)) return 'decided';
      if (pending.has(job.idempotencyKey)) return 'pending';
      // On disk before the timer exists: an acknowledged fallback is never lost.
      await write({ t: 'schedule', job });
      return inner.schedule(job);
    },
    async cancel(key) {
      if (!(await inner.cancel(key))) return false;
      await write({ t: 'cancel', key });
      return true;
    },
    async recordEvent(notificationId, event) {
      if (!(await inner.recordEvent(notificationId, event))) return false;
      const key = byNotification.get(notificationId);
      if (key !== undefined) await write({ t: 'event', key, event });
      return true;
    },
    takeViewToken: () => inner.takeViewToken(),
    async ping() {
      await handle?.stat();
    },
    async close() {
      await inner.close();
      await queue;
      await handle?.close();
      handle = undefined;
    },
  };
}
