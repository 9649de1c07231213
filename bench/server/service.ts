/**
 * `npm run bench:service` (after `npm run build`): the `push-sms-fallback` program as a site
 * owner runs it (dist/service/bin.js serve, embedded default: JSON Lines consent in a temp
 * PSF_DATA_DIR), on loopback against the REST simulator answering at once in this process:
 *   - requests/s and p50/p99 of new registrations, against a bare `node:http` server answering
 *     201 to the same POST (bench/server/servers.ts), and their ratio;
 *   - start-up time of `serve` (spawn to its "Listening" line);
 *   - RSS of `serve` after 100,000 registrations (fewer if the time bound is reached first);
 *   - what `npm install push-sms-fallback` adds to node_modules: this checkout packed, installed
 *     alone into an empty folder;
 *   - the machine's load average.
 * Printed figures, not a test: nothing here asserts a time. Each wait has a deadline.
 *
 *   npx tsx bench/server/service.ts [--duration 5000] [--connections 50] [--registrations 100000]
 */
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  createOneSignalSimulator,
  SIMULATOR_API_KEY,
  SIMULATOR_APP_ID,
} from '../../demo/simulators/onesignal-rest.js';
import { installPacked } from '../../test/server/packed-install.js';
import { ORIGIN } from './registration.js';
import { load, type Load } from './service-load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/service/bin.js');
const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));
const exec = promisify(execFile);

/** The memory run stops here even if it has not made all its registrations. */
const MEMORY_RUN_MS = 90_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Served {
  port: number;
  child: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
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
async function startService(simUrl: string): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'psf-bench-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
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

/** The bare node:http server of bench/server/servers.ts, in its own process. */
async function startBare(): Promise<Served> {
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

const rssMb = (pid: number) => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
};

/** This checkout packed and installed alone into an empty folder: tarball and node_modules. */
async function installSize(): Promise<{
  tarballKb: number;
  nodeModulesKb: number;
  packages: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'psf-bench-install-'));
  try {
    const { app, tarball } = await installPacked(ROOT, dir);
    const du = await exec('du', ['-sk', join(app, 'node_modules')], { timeout: 10_000 });
    const list = await exec('npm', ['ls', '--all', '--parseable'], { cwd: app, timeout: 30_000 });
    return {
      tarballKb: Math.round(statSync(tarball).size / 1024),
      nodeModulesKb: Number(du.stdout.split('\t')[0]),
      packages: list.stdout.trim().split('\n').length - 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: npm run build first`);
  const durationMs = arg('--duration', 5000);
  const connections = arg('--connections', 50);
  const registrations = arg('--registrations', 100_000);
  const load1 = loadavg().map((l) => l.toFixed(2));
  console.info(
    `push-sms-fallback service benchmark, loopback; ${cpus().length} CPUs, load average ${load1.join(' ')}`,
  );

  // A fast simulator: no write limits, View user limit lifted, a short request log.
  const sim = createOneSignalSimulator({ viewUserLimit: false, logLimit: 10 });
  const served = await sim.listen();
  try {
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await startService(served.url);
      starts.push(s.startMs);
      await s.stop();
    }
    starts.sort((a, b) => a - b);
    console.info(
      `start-up of serve (spawn to listening), median of 5: ${Math.round(starts[2] ?? 0)} ms (min ${Math.round(starts[0] ?? 0)}, max ${Math.round(starts[4] ?? 0)})`,
    );

    const row = (name: string, l: Load) =>
      `${name.padEnd(24)} ${String(l.requestsPerSecond).padStart(7)} req/s   p50 ${l.p50Ms.toFixed(2).padStart(7)} ms   p99 ${l.p99Ms.toFixed(2).padStart(7)} ms   (${l.requests} requests, ${l.unexpected} not 201)`;
    const bare = await startBare();
    const bareLoad = await load(bare.port, connections, durationMs).finally(() => bare.stop());
    const service = await startService(served.url);
    const serviceLoad = await load(service.port, connections, durationMs).finally(() =>
      service.stop(),
    );
    console.info(`${connections} keep-alive connections, ${durationMs} ms each after 1 s warm-up:`);
    console.info(row('bare node:http (201)', bareLoad));
    console.info(row('push-sms-fallback serve', serviceLoad));
    console.info(
      `ratio service/bare: ${(serviceLoad.requestsPerSecond / bareLoad.requestsPerSecond).toFixed(3)} req/s, p50 ×${(serviceLoad.p50Ms / bareLoad.p50Ms).toFixed(1)}, p99 ×${(serviceLoad.p99Ms / bareLoad.p99Ms).toFixed(1)}`,
    );

    const fresh = await startService(served.url);
    try {
      const before = rssMb(fresh.child.pid ?? 0);
      const made = await load(fresh.port, connections, MEMORY_RUN_MS, registrations, 0);
      const after = rssMb(fresh.child.pid ?? 0);
      const note =
        made.requests < registrations
          ? ` (stopped at the ${MEMORY_RUN_MS / 1000} s bound, ${registrations} asked)`
          : '';
      console.info(
        `memory (RSS) of serve: ${before} MB at start, ${after} MB after ${made.requests} registrations${note} in ${(made.elapsedMs / 1000).toFixed(1)} s (not 201: ${JSON.stringify(made.others)})`,
      );
    } finally {
      await fresh.stop();
    }
  } finally {
    await served.close();
  }

  const size = await installSize();
  console.info(
    `npm install push-sms-fallback (this checkout packed, into an empty folder): tarball ${size.tarballKb} kB, node_modules ${size.nodeModulesKb} kB (du -sk), ${size.packages} packages`,
  );
  console.info(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

await main();
