/**
 * PSF_DATA_DIR: the embedded default's files, and a lock so that only one `serve` owns them
 * (two writers would interleave and rename files under each other).
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './errors.js';

export const dataFiles = (dir: string) => ({
  consent: join(dir, 'consent.jsonl'),
  fallbacks: join(dir, 'fallbacks.jsonl'),
  idempotency: join(dir, 'idempotency.jsonl'),
  lock: join(dir, 'serve.lock'),
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live `serve` holding the directory, or null. */
export async function lockHolder(dir: string): Promise<number | null> {
  try {
    const pid = Number(await readFile(dataFiles(dir).lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock (a stale one, from a process that died, is taken over); returns its release. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const holder = await lockHolder(dir);
  if (holder !== null) {
    throw new UsageError(
      `${dir} is used by another push-sms-fallback serve (pid ${holder}). Run one instance per PSF_DATA_DIR, or set DATABASE_URL and REDIS_URL to run several.`,
    );
  }
  const { lock } = dataFiles(dir);
  const file = await open(lock, 'w', 0o600);
  await file.writeFile(String(process.pid));
  await file.close();
  return () => rm(lock, { force: true });
}

/** Commands that rewrite files refuse while `serve` owns them. */
export async function refuseWhileServing(dir: string, what: string): Promise<void> {
  const holder = await lockHolder(dir);
  if (holder !== null) {
    throw new UsageError(
      `${what} rewrites files in ${dir}, which push-sms-fallback serve (pid ${holder}) is using: stop it first (with DATABASE_URL this works while it runs).`,
    );
  }
}
