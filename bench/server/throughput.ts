/**
 * Part 4 and `npm run bench:server`: handler overhead on loopback. The registration handler
 * behind `toNodeHandler`, with the REST simulator answering at once in process, against a bare
 * `node:http` server answering 201, and against `toNodeHandler` around an empty Fetch handler
 * (the cost of Request/Response on Node). Each server (bench/server/servers.ts) runs in its own
 * child process so the load generator (this process) does not share their event loop. Also
 * counts OneSignal calls for new registrations and replays. Run on its own, it then prints the
 * faults and floods of bench/server/faults.ts.
 *
 *   npx tsx bench/server/throughput.ts [--duration 5000] [--connections 200]
 *   PSF_BENCH_PROF=/tmp/prof npx tsx bench/server/throughput.ts   (CPU profiles of the servers)
 *
 * Printed figures, not a test: nothing here asserts a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { toNodeHandler } from '../../src/server/node.js';
import { ORIGIN, registrationBody } from './registration.js';
import { load, type Load } from './service-load.js';
import { benchHandler, type ServerKind } from './servers.js';

/** Registrations (and as many replays) for the OneSignal call count. */
const CALL_COUNT_REQUESTS = 200;
/** The child process each measured server runs in. */
const SERVERS = fileURLToPath(new URL('./servers.ts', import.meta.url));

/** One load run's figures (bench/server/service-load.ts). */
export type LoadResult = Load;

export interface ServerBenchResult {
  connections: number;
  durationMs: number;
  bare: LoadResult;
  /**
   * `toNodeHandler` around a Fetch handler that only parses the body and answers 201: what
   * the Fetch API costs on Node before the handler does any work.
   */
  fetchFloor: LoadResult;
  handler: LoadResult;
  /** handler / bare requests per second. */
  ratio: number;
  /** fetchFloor / bare requests per second. */
  floorRatio: number;
  calls: {
    newRegistrations: { requests: number; oneSignalCalls: number };
    replays: { requests: number; oneSignalCalls: number };
  };
}

export interface ServerBenchOptions {
  /** Measured time per server, after a 1 s warm-up. Default 5000 ms. */
  durationMs?: number;
  /** Concurrent keep-alive connections. Default 200. */
  connections?: number;
}

function postBody(agent: Agent, port: number, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/sms-subscribe',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: ORIGIN,
          'idempotency-key': key,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** PSF_BENCH_PROF=<dir> writes a CPU profile of each server process there. */
function profileArgs(): string[] {
  const dir = process.env.PSF_BENCH_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function startChild(kind: ServerKind): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(SERVERS, [kind], {
    execArgv: ['--import', 'tsx', ...profileArgs()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
}

async function measure(kind: ServerKind, connections: number, durationMs: number) {
  const { child, port } = await startChild(kind);
  try {
    return await load(port, connections, durationMs);
  } finally {
    child.removeAllListeners('exit');
    // Disconnecting lets the child exit on its own (and write a --cpu-prof profile).
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    const timer = setTimeout(() => child.kill(), 2000);
    await exited;
    clearTimeout(timer);
  }
}

/** OneSignal calls for N new registrations, then for the same N replayed. */
async function countCalls(n: number): Promise<ServerBenchResult['calls']> {
  const sim = createOneSignalSimulator({ logLimit: n * 4, viewUserLimit: false });
  const server = createServer(toNodeHandler(benchHandler(sim)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  // Replays must send the exact first body (a new acceptedAt would make it another submission).
  const submissions = Array.from({ length: n }, (_, i) => {
    const key = crypto.randomUUID();
    return { key, body: registrationBody(i, key) };
  });
  const all = () => Promise.all(submissions.map((s) => postBody(agent, port, s.key, s.body)));
  await all();
  const afterNew = sim.requests.length;
  await all();
  const afterReplays = sim.requests.length - afterNew;
  agent.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return {
    newRegistrations: { requests: n, oneSignalCalls: afterNew },
    replays: { requests: n, oneSignalCalls: afterReplays },
  };
}

export async function runServerBench(options: ServerBenchOptions = {}): Promise<ServerBenchResult> {
  const connections = options.connections ?? 200;
  const durationMs = options.durationMs ?? 5000;
  const bare = await measure('bare', connections, durationMs);
  const fetchFloor = await measure('fetch-floor', connections, durationMs);
  const handler = await measure('handler', connections, durationMs);
  const calls = await countCalls(CALL_COUNT_REQUESTS);
  return {
    connections,
    durationMs,
    bare,
    fetchFloor,
    handler,
    ratio: Number((handler.requestsPerSecond / bare.requestsPerSecond).toFixed(3)),
    floorRatio: Number((fetchFloor.requestsPerSecond / bare.requestsPerSecond).toFixed(3)),
    calls,
  };
}

function print(r: ServerBenchResult): void {
  const row = (name: string, l: LoadResult) =>
    `${name.padEnd(28)} ${String(l.requestsPerSecond).padStart(8)} req/s   p50 ${l.p50Ms.toFixed(2).padStart(7)} ms   p99 ${l.p99Ms.toFixed(2).padStart(7)} ms   (${l.requests} requests, ${l.unexpected} unexpected)`;
  console.info(
    `push-sms-fallback server benchmark: ${r.connections} keep-alive connections, ${r.durationMs} ms each, loopback`,
  );
  console.info(row('bare node:http (201)', r.bare));
  console.info(row('toNodeHandler, empty handler', r.fetchFloor));
  console.info(row('handler + simulated API', r.handler));
  console.info(`ratio handler/bare: ${r.ratio}  (empty Fetch handler/bare: ${r.floorRatio})`);
  console.info(
    `OneSignal calls: ${r.calls.newRegistrations.oneSignalCalls} for ${r.calls.newRegistrations.requests} new registrations, ${r.calls.replays.oneSignalCalls} for ${r.calls.replays.requests} idempotent replays`,
  );
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

const isMain =
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  print(await runServerBench({ durationMs: arg('--duration'), connections: arg('--connections') }));
  const { runFaultBench } = await import('./faults.js');
  for (const line of await runFaultBench()) console.info(line);
}
