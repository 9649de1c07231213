import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { createOptOutMap } from './opt-outs.js';
import type {
  ConsentErasure,
  ConsentOutcome,
  ConsentRecord,
  ConsentStore,
  StoredConsentRecord,
} from './record.js';
import {
  checkPhoneArgument,
  checkRetentionDays,
  exportBounds,
  inBounds,
  retentionCutoff,
} from './query.js';

export interface JsonLinesConsentStoreOptions {
  /**
   * Flush each record to disk before the registration goes on (`fdatasync`). Default true:
   * consent is evidence, and sign-ups are rare enough for the cost not to matter.
   */
  sync?: boolean;
  /** File mode when the file is created. Default 0o600: the records hold personal data. */
  mode?: number;
  /** See `purgeExpired`. Default 1826 (five years). */
  retentionDays?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

export interface JsonLinesConsentStore extends ConsentStore {
  close(): Promise<void>;
}

/** Besides records (lines without `type`), the file holds these notes. */
type Note =
  | { type: 'outcome'; recordId: string; outcome: ConsentOutcome; at: string }
  | ({ type: 'erasure' } & ConsentErasure)
  | { type: 'opt-out'; phone: string; learned: boolean; at: string }
  | { type: 'opt-in'; phone: string; at: string };
type Line = ConsentRecord | Note;

/**
 * Appends one JSON object per line to `path` (created with its directory if missing). Writes go
 * through one queue, so concurrent registrations never interleave their lines. Erasure and
 * retention rewrite the file (to a temporary file, then renamed over it): the erased lines are
 * gone from disk, not hidden. One process owns the file.
 */
export function createJsonLinesConsentStore(
  path: string,
  options: JsonLinesConsentStoreOptions = {},
): JsonLinesConsentStore {
  const sync = options.sync ?? true;
  const mode = options.mode ?? 0o600;
  const retentionDays = checkRetentionDays('createJsonLinesConsentStore', options.retentionDays);
  const now = options.now ?? Date.now;
  let handle: Promise<FileHandle> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const file = (): Promise<FileHandle> =>
    (handle ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a', mode)));

  async function closeHandle(): Promise<void> {
    const current = handle;
    handle = undefined;
    if (current) await (await current.catch(() => undefined))?.close();
  }

  /** Runs `task` after every write queued before it; a failure does not stop the queue. */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  function appendLines(lines: Line[]): Promise<void> {
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
    return queued(async () => {
      const fh = await file().catch((error: unknown) => {
        handle = undefined; // try to open again on the next record
        throw error;
      });
      await fh.appendFile(text, 'utf8');
      if (sync) await fh.datasync();
    });
  }

  async function* lines(): AsyncGenerator<Line> {
    const stream = createReadStream(path, { encoding: 'utf8' });
    try {
      for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (text.trim() !== '') yield JSON.parse(text) as Line;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    } finally {
      stream.destroy();
    }
  }

  async function outcomes(): Promise<Map<string, ConsentOutcome>> {
    const found = new Map<string, ConsentOutcome>();
    for await (const l of lines()) {
      if ('type' in l && l.type === 'outcome' && !found.has(l.recordId))
        found.set(l.recordId, l.outcome);
    }
    return found;
  }

  const stored = (r: ConsentRecord, o: Map<string, ConsentOutcome>): StoredConsentRecord => ({
    ...r,
    outcome: o.get(r.id) ?? null,
  });

  /**
   * Rewrites the file without the records `drop` selects (and their outcomes), adding the note
   * `after` makes of them in the same rename; returns how many went.
   */
  function rewrite(
    drop: (r: ConsentRecord) => boolean,
    after?: (dropped: ConsentRecord[]) => Note,
  ): Promise<number> {
    return queued(async () => {
      const kept: Line[] = [];
      const dropped: ConsentRecord[] = [];
      for await (const l of lines()) {
        if (!('type' in l) && drop(l)) dropped.push(l);
        else kept.push(l);
      }
      const gone = new Set(dropped.map((r) => r.id));
      const survivors = kept.filter(
        (l) => !('type' in l && l.type === 'outcome' && gone.has(l.recordId)),
      );
      if (after) survivors.push(after(dropped));
      await closeHandle();
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${crypto.randomUUID()}.tmp`;
      try {
        const out = await open(temp, 'w', mode);
        try {
          await out.writeFile(survivors.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
          await out.datasync();
        } finally {
          await out.close();
        }
        await rename(temp, path);
      } finally {
        await rm(temp, { force: true });
      }
      return dropped.length;
    });
  }

  // The opt-out list, read from the file once, then kept in step with the lines appended.
  let optOuts: Promise<ReturnType<typeof createOptOutMap>> | null = null;
  function optOutList(): Promise<ReturnType<typeof createOptOutMap>> {
    optOuts ??= (async () => {
      const list = createOptOutMap(now, (phone, entry) =>
        appendLines([
          entry
            ? { type: 'opt-out', phone, ...entry }
            : { type: 'opt-in', phone, at: new Date(now()).toISOString() },
        ]),
      );
      await queue;
      for await (const l of lines()) {
        if ('type' in l && l.type === 'opt-out')
          list.entries.set(l.phone, { learned: l.learned, at: l.at });
        if ('type' in l && l.type === 'opt-in') list.entries.delete(l.phone);
      }
      return list;
    })();
    optOuts.catch(() => (optOuts = null));
    return optOuts;
  }

  return {
    importOptOuts: async (phones, options) => (await optOutList()).importOptOuts(phones, options),
    findOptOut: async (phone) => (await optOutList()).findOptOut(phone),
    clearOptOut: async (phone) => (await optOutList()).clearOptOut(phone),
    append: (record) => appendLines([record]),
    recordOutcome: (recordId, outcome) =>
      appendLines([{ type: 'outcome', recordId, outcome, at: new Date(now()).toISOString() }]),
    async withdraw(recordId) {
      await rewrite((r) => r.id === recordId);
    },
    async findConsent(phone) {
      checkPhoneArgument('findConsent', phone);
      await queue;
      const o = await outcomes();
      const found: StoredConsentRecord[] = [];
      for await (const l of lines())
        if (!('type' in l) && l.phone === phone) found.push(stored(l, o));
      return found.reverse();
    },
    async *exportConsent(range) {
      const bounds = exportBounds(range);
      await queue;
      const o = await outcomes();
      for await (const l of lines()) {
        if (!('type' in l) && inBounds(l.createdAt, bounds)) yield stored(l, o);
      }
    },
    async eraseConsent(phone) {
      checkPhoneArgument('eraseConsent', phone);
      return rewrite(
        (r) => r.phone === phone,
        (dropped) => ({
          type: 'erasure',
          phoneAlias: dropped[0]?.phoneAlias ?? null,
          erasedAt: new Date(now()).toISOString(),
          count: dropped.length,
        }),
      );
    },
    async listErasures() {
      await queue;
      const found: ConsentErasure[] = [];
      for await (const l of lines()) {
        if ('type' in l && l.type === 'erasure') {
          found.push({ phoneAlias: l.phoneAlias, erasedAt: l.erasedAt, count: l.count });
        }
      }
      return found;
    },
    purgeExpired() {
      const cutoff = retentionCutoff(retentionDays, now()).getTime();
      return rewrite((r) => Date.parse(r.createdAt) < cutoff);
    },
    async close() {
      await queue;
      await closeHandle();
    },
  };
}
