// Runs the built program (dist/service/bin.js) as a child process, as a site owner would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_APP_ID,
  createOneSignalSimulator,
} from '../../demo/simulators/onesignal-rest.js';
import { ORIGIN, onCleanup } from './helpers.js';

export const BIN = join(import.meta.dirname, '../../dist/service/bin.js');
export const NOTIFY_TOKEN = 'notify-token-for-tests-0123456789';

export function requireBuild(): void {
  // Fail loudly: the tests are about the shipped program, not the sources.
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: npm run build first`);
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'psf-service-'));

export function serviceEnv(simUrl: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '',
    ONESIGNAL_APP_ID: SIMULATOR_APP_ID,
    ONESIGNAL_API_KEY: SIMULATOR_API_KEY,
    PSF_ALLOWED_ORIGINS: ORIGIN,
    ONESIGNAL_API_URL: simUrl,
    PSF_NOTIFY_TOKEN: NOTIFY_TOKEN,
    PORT: '0',
    HOST: '127.0.0.1',
    ...extra,
  };
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (deadline 30 s). */
export function run(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  bin = BIN,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`push-sms-fallback ${args.join(' ')} did not end:\n${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setImmediate(() => resolve({ code, stdout, stderr }));
    });
  });
}

export interface Service {
  url: string;
  child: ChildProcess;
  /** JSON log lines so far. */
  logs: Record<string, unknown>[];
  output(): string;
  /** Sends the signal and waits (deadline 30 s) for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** The program to run. Default: dist/service/bin.js of this checkout. */
  bin?: string;
  cwd?: string;
}

/** Starts `serve` and waits (deadline 20 s) for its "Listening" line. */
export async function startService(
  env: Record<string, string>,
  options: StartOptions = {},
): Promise<Service> {
  const child = spawn(process.execPath, [options.bin ?? BIN, 'serve'], { env, cwd: options.cwd });
  const logs: Record<string, unknown>[] = [];
  let raw = '';
  let buffered = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${raw}`)), 20_000);
    child.stderr.on('data', (c: Buffer) => (raw += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      raw += c.toString();
      buffered += c.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'Listening') {
            clearTimeout(timer);
            resolve(String(entry.url));
          }
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}):\n${raw}`)));
  });
  let stopped = false;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (stopped) return exited;
    stopped = true;
    child.kill(signal);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('serve did not stop within 30 s')), 30_000);
    });
    try {
      return await Promise.race([exited, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
  onCleanup(async () => {
    if (!stopped) await stop('SIGKILL').catch(() => undefined);
  });
  return { url, child, logs, output: () => raw, stop };
}

/** Polls `check` every 50 ms until it holds, up to `ms`. */
export async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The REST simulator served over loopback (the program reaches it through ONESIGNAL_API_URL),
 * with one customer, `chrome`, who has a push subscription and an SMS one.
 */
export async function servedSimulator() {
  const sim = createOneSignalSimulator();
  sim.seedUser({
    identity: { external_id: 'chrome' },
    subscriptions: [{ type: 'ChromePush' }, { type: 'SMS', token: '+447400123456' }],
  });
  const served = await sim.listen();
  onCleanup(() => served.close());
  return { sim, url: served.url };
}

/** `POST /api/notify` with the bearer token: `sendWithFallback`'s input as the body. */
export const notify = (base: string, body: Record<string, unknown>) =>
  fetch(`${base}/api/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${NOTIFY_TOKEN}` },
    body: JSON.stringify(body),
  });
