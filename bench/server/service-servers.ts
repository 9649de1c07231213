/**
 * The two servers bench:service compares, each in its own process: the built `push-sms-fallback
 * serve` (embedded default, its own temp PSF_DATA_DIR) and the bare `node:http` server of
 * servers.ts. With `memory: true`, serve also loads memory-probe.mjs and answers memory().
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIMULATOR_API_KEY, SIMULATOR_APP_ID } from '../../demo/simulators/onesignal-rest.js';
import { ORIGIN } from './registration.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'dist/service/bin.js');
const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));
const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url));

export interface Served {
  port: number;
  child: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
}

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  /** The heap V8 holds (used or not): RSS beyond it is Buffers, code and malloc. */
  heapTotalMb: number;
  externalMb: number;
}

/** Resolves when the child exits, or kills it after 10 s. */
function ended(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** `serve` with its own data directory; resolves on its "Listening" line (deadline 20 s). */
export async function startService(simUrl: string, memory = false): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'psf-bench-'));
  const t0 = performance.now();
  const probe = memory ? ['--expose-gc', '--import', MEMORY_PROBE] : [];
  const child = spawn(process.execPath, [...probe, BIN, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit', ...(memory ? (['ipc'] as const) : [])],
    env: {
      PATH: process.env.PATH ?? '',
      ONESIGNAL_APP_ID: SIMULATOR_APP_ID,
      ONESIGNAL_API_KEY: SIMULATOR_API_KEY,
      PSF_ALLOWED_ORIGINS: ORIGIN,
      ONESIGNAL_API_URL: simUrl,
      PSF_DATA_DIR: dataDir,
      PSF_TRUST_PROXY: '1',
      HOST: '127.0.0.1',
      PORT: '0',
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start within 20 s')), 20_000);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      // One JSON object per line; fields in any order.
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const listening = lines
        .map((line) => JSON.parse(line) as { msg?: string; url?: string })
        .find((entry) => entry.msg === 'Listening');
      if (listening) {
        clearTimeout(timer);
        // Its request log keeps flowing: read and drop it so the pipe never fills.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(Number(new URL(String(listening.url)).port));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  const startMs = performance.now() - t0;
  return {
    port,
    child,
    startMs,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await ended(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** RSS and heap in use of a `serve` started with `memory: true`, after a full collection. */
export function memoryOf(served: Served): Promise<Memory> {
  const { child } = served;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('serve did not report memory in 10 s')),
      10_000,
    );
    child.once('message', (m) => {
      clearTimeout(timer);
      const usage = (m as { memory: NodeJS.MemoryUsage }).memory;
      const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
      resolve({
        rssMb: mb(usage.rss),
        heapUsedMb: mb(usage.heapUsed),
        heapTotalMb: mb(usage.heapTotal),
        externalMb: mb(usage.external),
      });
    });
    child.send('memory');
  });
}

/** The bare node:http server of bench/server/servers.ts, in its own process. */
export async function startBare(): Promise<Served> {
  const child = fork(SERVERS, ['bare'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start in 20 s')), 20_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    port,
    child,
    startMs: 0,
    async stop() {
      child.removeAllListeners('exit');
      child.disconnect();
      await ended(child);
    },
  };
}
