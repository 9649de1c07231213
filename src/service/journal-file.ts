import { open, rename, type FileHandle } from 'node:fs/promises';

/**
 * Replaces the journal at `path` with `text` (written beside it, synced, then renamed over it, so
 * a crash leaves the old file or the new one, whole) and returns it opened for appending; the
 * handle to the old file, if any, is closed first. Used by every journal the service compacts.
 */
export async function rewriteJournal(
  path: string,
  text: string,
  previous: FileHandle | undefined,
): Promise<FileHandle> {
  const tmp = `${path}.tmp`;
  const out = await open(tmp, 'w', 0o600);
  await out.writeFile(text);
  await out.datasync();
  await out.close();
  await previous?.close();
  await rename(tmp, path);
  return open(path, 'a', 0o600);
}
