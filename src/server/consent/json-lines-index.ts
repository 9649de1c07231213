/**
 * What the JSON Lines store keeps in memory so that a registration never reads the whole file:
 * where each number's record lines are (byte offset and length), the outcome notes and the
 * opt-out list. Built by one pass over the file, then kept in step with every line written.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { createOptOutMap, OptOutEntry } from './opt-outs.js';
import type { ConsentErasure, ConsentOutcome, ConsentRecord } from './record.js';

/** Besides records (lines without `type`), the file holds these notes. */
export type Note =
  | { type: 'outcome'; recordId: string; outcome: ConsentOutcome; at: string }
  | ({ type: 'erasure' } & ConsentErasure)
  | { type: 'opt-out'; phone: string; learned: boolean; at: string }
  | { type: 'opt-in'; phone: string; at: string };
export type Line = ConsentRecord | Note;

export type OptOutMap = ReturnType<typeof createOptOutMap>;

export interface LineIndex {
  /** Bytes in the file: where the next line starts. */
  size: number;
  optOuts: OptOutMap;
  /** Notes lines just written at `size` (records and outcomes; the opt-out list keeps itself). */
  written(lines: readonly { line: Line; bytes: number }[]): void;
  /** Forgets every record and outcome (the file was rewritten); the opt-out list stays. */
  clear(): void;
  /**
   * Forgets one of the records written lately (the last 1,024) and says where its line is, so
   * it can be blanked in place; undefined for an older one.
   */
  takeRecent(recordId: string): { offset: number; bytes: number } | undefined;
  /** The number's records, oldest first, with their outcomes, read from `file` by position. */
  read(
    phone: string,
    file: FileHandle,
  ): Promise<{ record: ConsentRecord; outcome: ConsentOutcome | null }[]>;
}

const NEWLINE = 0x0a;
/** Records written lately that can still be withdrawn in place (a late write is withdrawn at once). */
const RECENT = 1024;

/** Each line of the file with its byte offset and length (newline included). */
async function* linesAt(
  path: string,
): AsyncGenerator<{ text: string; offset: number; bytes: number }> {
  const stream = createReadStream(path);
  let rest: Buffer = Buffer.alloc(0);
  let offset = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buffer: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      for (let end = buffer.indexOf(NEWLINE); end >= 0; end = buffer.indexOf(NEWLINE)) {
        yield { text: buffer.toString('utf8', 0, end), offset, bytes: end + 1 };
        offset += end + 1;
        buffer = buffer.subarray(end + 1);
      }
      rest = buffer;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    stream.destroy();
  }
  if (rest.length > 0) yield { text: rest.toString('utf8'), offset, bytes: rest.length };
}

/** Reads `path` once into an index; `optOuts` (empty) is filled from the opt-out notes. */
export async function indexLines(path: string, optOuts: OptOutMap): Promise<LineIndex> {
  // Per number, its record lines as [offset, length, offset, length, …].
  const records = new Map<string, number[]>();
  // Outcome notes are rare (a refused number), so they are kept whole.
  const outcomes = new Map<string, ConsentOutcome>();
  const note = (line: Line, offset: number, bytes: number) => {
    if (!('type' in line)) {
      const at = records.get(line.phone);
      if (at) at.push(offset, bytes);
      else records.set(line.phone, [offset, bytes]);
    } else if (line.type === 'outcome' && !outcomes.has(line.recordId)) {
      outcomes.set(line.recordId, line.outcome);
    }
  };

  let size = 0;
  for await (const { text, offset, bytes } of linesAt(path)) {
    size = offset + bytes;
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as Line;
    note(line, offset, bytes);
    if ('type' in line && line.type === 'opt-out') {
      optOuts.entries.set(line.phone, { learned: line.learned, at: line.at } satisfies OptOutEntry);
    }
    if ('type' in line && line.type === 'opt-in') optOuts.entries.delete(line.phone);
  }

  // Record id → its number and offset, for the records written since the file was read.
  const recent = new Map<string, { phone: string; offset: number; bytes: number }>();
  const index: LineIndex = {
    size,
    optOuts,
    written(lines) {
      for (const { line, bytes } of lines) {
        note(line, index.size, bytes);
        if (!('type' in line)) {
          recent.set(line.id, { phone: line.phone, offset: index.size, bytes });
          if (recent.size > RECENT) recent.delete(recent.keys().next().value ?? '');
        }
        index.size += bytes;
      }
    },
    clear() {
      records.clear();
      outcomes.clear();
      recent.clear();
      index.size = 0;
    },
    takeRecent(recordId) {
      const found = recent.get(recordId);
      if (!found) return undefined;
      recent.delete(recordId);
      const at = records.get(found.phone) ?? [];
      const i = at.indexOf(found.offset);
      if (i >= 0 && i % 2 === 0) at.splice(i, 2);
      if (at.length === 0) records.delete(found.phone);
      return { offset: found.offset, bytes: found.bytes };
    },
    async read(phone, file) {
      const at = records.get(phone) ?? [];
      const found = [];
      for (let i = 0; i + 1 < at.length; i += 2) {
        const buffer = Buffer.alloc(at[i + 1] ?? 0);
        await file.read(buffer, 0, buffer.length, at[i]);
        const record = JSON.parse(buffer.toString('utf8')) as ConsentRecord;
        found.push({ record, outcome: outcomes.get(record.id) ?? null });
      }
      return found;
    },
  };
  return index;
}
