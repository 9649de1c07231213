/**
 * `createMemoryScheduler()`: pending fallbacks in this process's memory, one timer each. For the
 * demo, tests and single-process sites; a restart loses what is pending (it says so once).
 */
import type { DecideFallback, FallbackJob, FallbackScheduler, PushEvent } from './scheduler.js';
import { DECIDED_RETENTION_MS, takeFromWindow } from './scheduler.js';
import { consoleLogger, type Logger } from '../logger.js';

export interface MemorySchedulerOptions {
  /** Decided keys remembered (oldest go first), so repeats do nothing. Default 10 000. */
  maxDecided?: number;
  /** Where the one warning goes. Default `console`; `false` silences it. */
  logger?: Logger | false;
}

interface Entry {
  job: FallbackJob;
  cancelled: boolean;
  /** The decision is sending the SMS: a cancel can no longer stop it. */
  committed: boolean;
  events: PushEvent[];
  timer?: ReturnType<typeof setTimeout>;
}

/** setTimeout's limit (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createMemoryScheduler(options: MemorySchedulerOptions = {}): FallbackScheduler {
  const maxDecided = options.maxDecided ?? 10_000;
  const pending = new Map<string, Entry>();
  const byNotification = new Map<string, string>();
  /** Key → when decided; a Map keeps insertion order, so the oldest is first. */
  const decided = new Map<string, number>();
  const viewGrants: number[] = [];
  let decide: DecideFallback | undefined;
  let warned = false;
  let closed = false;

  function forget(key: string, entry: Entry): void {
    pending.delete(key);
    byNotification.delete(entry.job.notificationId);
    decided.set(key, Date.now());
    const cutoff = Date.now() - DECIDED_RETENTION_MS;
    for (const [k, at] of decided) {
      if (decided.size <= maxDecided && at > cutoff) break;
      decided.delete(k);
    }
  }

  function arm(key: string, entry: Entry, delayMs: number): void {
    if (closed) return;
    const wait = Math.max(0, delayMs);
    entry.timer = setTimeout(
      () => (wait > MAX_TIMER_MS ? arm(key, entry, wait - MAX_TIMER_MS) : void run(key, entry)),
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  async function run(key: string, entry: Entry): Promise<void> {
    if (!decide || pending.get(key) !== entry) return;
    let retryInMs = 1000;
    try {
      const outcome = await decide(entry.job, {
        cancelled: entry.cancelled,
        events: [...entry.events],
        commit: async () => {
          entry.committed = !entry.cancelled;
          return entry.committed;
        },
      });
      if (outcome.done) {
        forget(key, entry);
        return await outcome.report();
      }
      retryInMs = outcome.retryInMs;
    } catch {
      // decide reports its own failures; an exception here is a bug, retried after a pause.
    }
    arm(key, entry, retryInMs);
  }

  return {
    start(fn) {
      decide = fn;
      for (const [key, entry] of pending)
        if (!entry.timer) arm(key, entry, entry.job.dueAt - Date.now());
    },
    async schedule(job) {
      if (decided.has(job.idempotencyKey)) return 'decided';
      if (pending.has(job.idempotencyKey)) return 'pending';
      if (!warned && options.logger !== false) {
        warned = true;
        (options.logger ?? consoleLogger).warn(
          'Fallbacks are scheduled in memory: pending ones are lost on restart (use createBullMqScheduler to keep them)',
        );
      }
      const entry: Entry = { job, cancelled: false, committed: false, events: [] };
      pending.set(job.idempotencyKey, entry);
      byNotification.set(job.notificationId, job.idempotencyKey);
      if (decide) arm(job.idempotencyKey, entry, job.dueAt - Date.now());
      return 'scheduled';
    },
    async cancel(key) {
      const entry = pending.get(key);
      if (!entry || entry.committed) return false;
      entry.cancelled = true;
      return true;
    },
    async recordEvent(notificationId, event) {
      const key = byNotification.get(notificationId);
      const entry = key === undefined ? undefined : pending.get(key);
      if (!entry) return false;
      if (!entry.events.includes(event)) entry.events.push(event);
      return true;
    },
    takeViewToken: async () => takeFromWindow(viewGrants, Date.now()),
    async close() {
      closed = true;
      for (const entry of pending.values()) clearTimeout(entry.timer);
    },
  };
}
