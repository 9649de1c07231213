import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ConsentRecord, ConsentStore } from './consent.js';

export interface JsonLinesConsentStoreOptions {
  /**
   * Flush each record to disk before the registration goes on (`fdatasync`). Default true:
   * consent is evidence, and sign-ups are rare enough for the cost not to matter.
   */
  sync?: boolean;
  /** File mode when the file is created. Default 0o600: the records hold personal data. */
  mode?: number;
}

export interface JsonLinesConsentStore extends ConsentStore {
  close(): Promise<void>;
}

/**
 * Appends one JSON object per line to `path` (created with its directory if missing). Writes go
 * through one queue, so concurrent registrations never interleave their lines.
 */
export function createJsonLinesConsentStore(
  path: string,
  options: JsonLinesConsentStoreOptions = {},
): JsonLinesConsentStore {
  const sync = options.sync ?? true;
  let handle: Promise<FileHandle> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const file = (): Promise<FileHandle> =>
    (handle ??= mkdir(dirname(path), { recursive: true }).then(() =>
      open(path, 'a', options.mode ?? 0o600),
    ));

  return {
    append(record: ConsentRecord) {
      const line = `${JSON.stringify(record)}\n`;
      const write = queue.then(async () => {
        const fh = await file().catch((error: unknown) => {
          handle = undefined; // try to open again on the next record
          throw error;
        });
        await fh.appendFile(line, 'utf8');
        if (sync) await fh.datasync();
      });
      queue = write.catch(() => undefined);
      return write;
    },
    async close() {
      await queue;
      if (handle) await (await handle).close();
      handle = undefined;
    },
  };
}
