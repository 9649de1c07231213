import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { sharedSync } from './shared-sync.js';
import { indexLines, type Line, type LineIndex, type Note } from './json-lines-index.js';
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

/**
 * Appends one JSON object per line to `path` (created with its directory if missing). Writes go
 * through one queue, so concurrent registrations never interleave their lines. Erasure and
 * retention rewrite the file (to a temporary file, then renamed over it): the erased lines are
 * gone from disk, not hidden. One process owns the file: it keeps an index of where each
 * number's records are (json-lines-index.ts), so finding them never reads the whole file.
 */
/** Overwrites a line with spaces (its newline kept) and flushes it. */
async function blankLine(path: string, offset: number, bytes: number): Promise<void> {
  // Not through the append handle: on Linux a positioned write to an O_APPEND file appends.
  const fh = await open(path, 'r+');
  try {
    await fh.write(Buffer.from(`${' '.repeat(bytes - 1)}\n`), 0, bytes, offset);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

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
    (handle ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a+', mode)));

  // The handle the last write went through, until it is closed: what a flush syncs.
  let writtenThrough: FileHandle | null = null;
  // Flushes what was written so far; writes that finish while one runs share the next.
  const durable = sharedSync(async () => writtenThrough?.datasync());

  async function closeHandle(): Promise<void> {
    // Whoever waits for a flush gets it before the handle goes (a failure is theirs to see).
    if (writtenThrough) await durable().catch(() => undefined);
    writtenThrough = null;
    const current = handle;
    handle = undefined;
    if (current) await (await current.catch(() => undefined))?.close();
  }

  // Appends not yet written that later ones may join: one write for all of them.
  let batch: { lines: Line[]; texts: string[]; written: Promise<void> } | null = null;

  /** Runs `task` after every write queued before it; a failure does not stop the queue. */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    batch = null; // appends after this task are written after it
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function writeLines(lines: Line[], texts: string[]): Promise<void> {
    const fh = await file().catch((error: unknown) => {
      handle = undefined; // try to open again on the next record
      throw error;
    });
    try {
      await fh.appendFile(texts.join(''), 'utf8');
      writtenThrough = fh;
    } catch (error) {
      index = null; // part of it may be on disk: read the file again when next needed
      throw error;
    }
    index?.written(lines.map((line, i) => ({ line, bytes: Buffer.byteLength(texts[i] ?? '') })));
  }

  function appendLines(lines: Line[]): Promise<void> {
    // The index is read before the first write, so it knows where every line written here is.
    if (!index) void lineIndex().catch(() => undefined);
    const texts = lines.map((l) => `${JSON.stringify(l)}\n`);
    let open = batch;
    if (!open) {
      const next = { lines: [] as Line[], texts: [] as string[], written: Promise.resolve() };
      next.written = queued(() => {
        if (batch === next) batch = null;
        return writeLines(next.lines, next.texts);
      });
      open = batch = next;
    }
    open.lines.push(...lines);
    open.texts.push(...texts);
    // Outside the queue: a read or the next write need not wait for the disk.
    return sync ? open.written.then(durable) : open.written;
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
      const texts = survivors.map((l) => `${JSON.stringify(l)}\n`);
      const temp = `${path}.${crypto.randomUUID()}.tmp`;
      try {
        const out = await open(temp, 'w', mode);
        try {
          await out.writeFile(texts.join(''), 'utf8');
          await out.datasync();
        } finally {
          await out.close();
        }
        await rename(temp, path);
      } catch (error) {
        index = null; // where the lines are is unknown until the file is read again
        throw error;
      } finally {
        await rm(temp, { force: true });
      }
      index?.clear();
      index?.written(
        survivors.map((line, i) => ({ line, bytes: Buffer.byteLength(texts[i] ?? '') })),
      );
      return dropped.length;
    });
  }

  // The index (where each number's records are, the opt-out list): read from the file once, as a
  // queued task, then kept in step by every write. Null until read, or after a failed write.
  let index: LineIndex | null = null;
  let reading: Promise<LineIndex> | null = null;
  function lineIndex(): Promise<LineIndex> {
    if (index) return Promise.resolve(index);
    const optOuts = createOptOutMap(now, (phone, entry) =>
      appendLines([
        entry
          ? { type: 'opt-out', phone, ...entry }
          : { type: 'opt-in', phone, at: new Date(now()).toISOString() },
      ]),
    );
    reading ??= queued(async () => (index = await indexLines(path, optOuts))).finally(
      () => (reading = null),
    );
    return reading;
  }

  return {
    importOptOuts: async (phones, options) =>
      (await lineIndex()).optOuts.importOptOuts(phones, options),
    findOptOut: async (phone) => (await lineIndex()).optOuts.findOptOut(phone),
    clearOptOut: async (phone) => (await lineIndex()).optOuts.clearOptOut(phone),
    append: (record) => appendLines([record]),
    recordOutcome: (recordId, outcome) =>
      appendLines([{ type: 'outcome', recordId, outcome, at: new Date(now()).toISOString() }]),
    async withdraw(recordId) {
      // A late write is withdrawn at once: its line is blanked where it is (readers skip blank
      // lines) instead of rewriting the whole file while registrations wait behind it.
      const blanked = await queued(async () => {
        const at = index?.takeRecent(recordId);
        if (!at) return false;
        try {
          await blankLine(path, at.offset, at.bytes);
        } catch (error) {
          index = null; // unsure what the line holds now: read the file again when next needed
          throw error;
        }
        return true;
      });
      if (!blanked) await rewrite((r) => r.id === recordId);
    },
    async findConsent(phone) {
      checkPhoneArgument('findConsent', phone);
      // After the writes queued before it, so a record appended a moment ago is found; again if
      // a failed write made the index read the file anew.
      let found = null;
      while (found === null) {
        await lineIndex();
        found = await queued(async () => index && index.read(phone, await file()));
      }
      return found.map(({ record, outcome }) => ({ ...record, outcome })).reverse();
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
