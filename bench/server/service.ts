/**
 * `npm run bench:service` (after `npm run build`): the `push-sms-fallback` program as a site
 * owner runs it (dist/service/bin.js serve, embedded default: JSON Lines consent in a temp
 * PSF_DATA_DIR), on loopback against the REST simulator answering at once in this process:
 *   - requests/s and p50/p99 of new registrations, against a bare `node:http` server answering
 *     201 to the same POST (bench/server/servers.ts), and their ratio: side by side, bare then
 *     service, in `--rounds` rounds, each with the load average before it (the host is shared);
 *   - start-up time of `serve` (spawn to its "Listening" line);
 *   - RSS and heap of `serve` at start and after every 10,000 registrations up to 100,000, or
 *     as many as `--memory-seconds` allows, with the growth per 10,000;
 *   - what `npm install push-sms-fallback` adds to node_modules: this checkout packed, installed
 *     alone into an empty folder;
 *   - the machine's load average.
 * Printed figures, not a test: nothing here asserts a time. Each wait has a deadline.
 *
 *   npx tsx bench/server/service.ts [--duration 5000] [--connections 50] [--rounds 2]
 *     [--registrations 100000] [--memory-seconds 300]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { installPacked } from '../../test/server/packed-install.js';
import { load, type Load } from './service-load.js';
import { BIN, memoryOf, startBare, startService, type Memory } from './service-servers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

/** Registrations between two memory readings. */
const MEMORY_STEP = 10_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

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

const row = (name: string, l: Load) =>
  `${name.padEnd(24)} ${String(l.requestsPerSecond).padStart(7)} req/s   p50 ${l.p50Ms.toFixed(2).padStart(7)} ms   p99 ${l.p99Ms.toFixed(2).padStart(7)} ms   (${l.requests} requests, ${l.unexpected} not 201)`;

/** Bare node:http, then the service, `rounds` times: side by side, under the same host load. */
async function throughput(simUrl: string, rounds: number, connections: number, ms: number) {
  console.info(`${connections} keep-alive connections, ${ms} ms each after 1 s warm-up:`);
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    console.info(`round ${round} of ${rounds}, load average ${loadAverage()}`);
    const bare = await startBare();
    const bareLoad = await load(bare.port, connections, ms).finally(() => bare.stop());
    const service = await startService(simUrl);
    const serviceLoad = await load(service.port, connections, ms).finally(() => service.stop());
    console.info(row('bare node:http (201)', bareLoad));
    console.info(row('push-sms-fallback serve', serviceLoad));
    const ratio = serviceLoad.requestsPerSecond / bareLoad.requestsPerSecond;
    ratios.push(ratio);
    console.info(
      `ratio service/bare: ${ratio.toFixed(3)} req/s, p50 ×${(serviceLoad.p50Ms / bareLoad.p50Ms).toFixed(1)}, p99 ×${(serviceLoad.p99Ms / bareLoad.p99Ms).toFixed(1)}`,
    );
  }
  ratios.sort((a, b) => a - b);
  console.info(`req/s ratio service/bare over ${rounds} rounds: best ${ratios.at(-1)?.toFixed(3)}`);
}

/**
 * A fresh serve, registrations in steps of 10,000 until `registrations` or `boundMs`: RSS and
 * heap after each step, and the RSS growth per 10,000 over the steps made.
 */
async function memory(simUrl: string, connections: number, registrations: number, boundMs: number) {
  const fresh = await startService(simUrl, true);
  try {
    const first = await memoryOf(fresh);
    const show = (m: Memory) =>
      `RSS ${m.rssMb} MB, heap ${m.heapUsedMb} MB used of ${m.heapTotalMb} MB, external ${m.externalMb} MB`;
    console.info(`memory of serve (after a full GC): ${show(first)} at start`);
    const start = performance.now();
    let made = 0;
    let last = first;
    let previous = first;
    let lastStep = 0;
    while (made < registrations && performance.now() - start < boundMs) {
      const step = Math.min(MEMORY_STEP, registrations - made);
      const left = boundMs - (performance.now() - start);
      const run = await load(fresh.port, connections, left, step, 0);
      made += run.requests;
      previous = last;
      lastStep = run.requests;
      last = await memoryOf(fresh);
      const others = run.unexpected > 0 ? ` (not 201: ${JSON.stringify(run.others)})` : '';
      console.info(
        `  after ${made} registrations (${((performance.now() - start) / 1000).toFixed(0)} s, ${run.requestsPerSecond} req/s, load average ${loadAverage()}): ${show(last)}${others}`,
      );
    }
    // Over the whole run, and over its last step (bounded stores level off: the slope falls).
    const per = (from: Memory, count: number, key: 'rssMb' | 'heapUsedMb') =>
      count > 0 ? (((last[key] - from[key]) / count) * MEMORY_STEP).toFixed(1) : '0';
    const note =
      made < registrations
        ? `; stopped at the ${boundMs / 1000} s bound, ${registrations} asked`
        : '';
    console.info(
      `memory of serve: ${show(first)} at start, ${show(last)} after ${made} registrations${note}; per 10,000 over the run: RSS +${per(first, made, 'rssMb')} MB, heap +${per(first, made, 'heapUsedMb')} MB; over the last step: RSS +${per(previous, lastStep, 'rssMb')} MB, heap +${per(previous, lastStep, 'heapUsedMb')} MB`,
    );
  } finally {
    await fresh.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: npm run build first`);
  const durationMs = arg('--duration', 5000);
  const connections = arg('--connections', 50);
  const rounds = arg('--rounds', 2);
  const registrations = arg('--registrations', 100_000);
  const memoryBoundMs = arg('--memory-seconds', 300) * 1000;
  console.info(
    `push-sms-fallback service benchmark, loopback; ${cpus().length} CPUs, load average ${loadAverage()}`,
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
    await throughput(served.url, rounds, connections, durationMs);
    await memory(served.url, connections, registrations, memoryBoundMs);
  } finally {
    await served.close();
  }

  const size = await installSize();
  console.info(
    `npm install push-sms-fallback (this checkout packed, into an empty folder): tarball ${size.tarballKb} kB, node_modules ${size.nodeModulesKb} kB (du -sk), ${size.packages} packages`,
  );
  console.info(`load average at the end: ${loadAverage()}`);
}

await main();
