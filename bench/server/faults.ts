/**
 * The reference server under faults and floods, for `npm run bench:server`: memory of the
 * memory stores after 100 000 distinct keys, how fast a stalled Redis or a stalled body is
 * answered, and the handler's own cost per registration in process (no HTTP). Printed, never
 * asserted; figures taken on a loaded machine are noisy.
 */
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import {
  createMemoryIdempotencyStore,
  createMemoryRateLimitStore,
  createRedisRateLimitStore,
  createSmsFallbackHandler,
  type ConsentWriter,
  type SmsFallbackOptions,
} from '../../src/server/index.js';
import { toNodeHandler } from '../../src/server/node.js';
import { startRedisServer } from '../../test/server/redis-server.js';
import { ORIGIN, registrationBody } from './registration.js';

const KEYS = 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfter(fill: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  return fill().then(() => {
    gc();
    return process.memoryUsage().heapUsed - before;
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function storeMemory(): Promise<string[]> {
  const rule = { capacity: 5, intervalMs: 3_600_000 };
  const full = createMemoryRateLimitStore({ maxKeys: KEYS });
  const hex = (i: number) => i.toString(16).padStart(64, '0');
  const rl = await heapAfter(async () => {
    for (let i = 0; i < KEYS; i++) await full.take(`phone:${hex(i)}`, rule);
  });
  const bounded = createMemoryRateLimitStore();
  let refused = 0;
  await heapAfter(async () => {
    for (let i = 0; i < KEYS; i++) if (!(await bounded.take(`ip:${i}`, rule)).allowed) refused++;
  });
  const idem = createMemoryIdempotencyStore({ maxEntries: KEYS });
  const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{}' };
  const id = await heapAfter(async () => {
    for (let i = 0; i < KEYS; i++) {
      await idem.complete(crypto.randomUUID(), { fingerprint: hex(i), ...answer });
    }
  });
  return [
    `memory rate-limit store, ${KEYS} phone buckets:   ${mb(rl)} (${Math.round(rl / KEYS)} B each)`,
    `  default bound (50 000 per namespace):         ${refused} of ${KEYS} new keys refused, none forgotten`,
    `memory idempotency store, ${KEYS} answers:        ${mb(id)} (${Math.round(id / KEYS)} B each)`,
  ];
}

const discard: ConsentWriter = { async append() {} };

/** The registration handler on the in-process simulator, records discarded, logs off. */
function benchHandler(overrides: Partial<SmsFallbackOptions> = {}) {
  const sim = createOneSignalSimulator({ logLimit: 10 });
  return createSmsFallbackHandler({
    appId: sim.appId,
    apiKey: sim.apiKey,
    allowedOrigins: [ORIGIN],
    fetch: sim.fetch,
    consentStore: discard,
    // Each registration looks the number up first (opted out?); OneSignal's 1/s is lifted here.
    viewUserBudget: { capacity: 1e9, intervalMs: 1000 },
    logger: false,
    ...overrides,
  });
}

function registrationRequest(i: number): Request {
  const key = crypto.randomUUID();
  return new Request('http://localhost/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'idempotency-key': key },
    body: registrationBody(i, key),
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return Math.round(performance.now() - start);
}

async function stalledRedis(): Promise<string> {
  const redis = await startRedisServer();
  const client = createClient({ socket: { host: '127.0.0.1', port: redis.port } });
  await client.connect();
  const handler = benchHandler({
    rateLimit: { store: createRedisRateLimitStore({ sendCommand: (a) => client.sendCommand(a) }) },
  });
  redis.process.kill('SIGSTOP');
  let status = 0;
  const ms = await timed(async () => {
    const res = await handler(registrationRequest(1));
    status = res.status;
  });
  redis.stop();
  client.destroy();
  return `Redis stalled (SIGSTOP), storeTimeoutMs 1000:   ${status} after ${ms} ms`;
}

/** Sends only the head of a request (and maybe a bit of body); ms until the answer's status. */
function stalledBody(port: number, head: string): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const socket = connect(port, '127.0.0.1');
    socket.once('data', (chunk: Buffer) => {
      resolve({
        status: Number(chunk.toString('latin1').slice(9, 12)),
        ms: Math.round(performance.now() - start),
      });
      socket.destroy();
    });
    socket.once('error', reject);
    socket.write(head);
  });
}

async function stalledBodies(): Promise<string[]> {
  const server = createServer(toNodeHandler(benchHandler()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const head = (length: number) =>
    `POST / HTTP/1.1\r\nhost: x\r\norigin: ${ORIGIN}\r\ncontent-type: application/json\r\nidempotency-key: ${crypto.randomUUID()}\r\ncontent-length: ${length}\r\n\r\n`;
  const big = await stalledBody(port, head(60_000));
  const slow = await stalledBody(port, `${head(500)}{"phone":`);
  server.closeAllConnections();
  server.close();
  return [
    `Content-Length 60000, body never sent:           ${big.status} after ${big.ms} ms`,
    `body stops after 10 bytes (bodyTimeoutMs 10 s):  ${slow.status} after ${slow.ms} ms`,
  ];
}

async function inProcessCost(n = 2000): Promise<string> {
  const handler = benchHandler({ rateLimit: false });
  for (let i = 0; i < 200; i++) await handler(registrationRequest(i)); // warm-up
  const ms = await timed(async () => {
    for (let i = 0; i < n; i++) await handler(registrationRequest(1000 + i));
  });
  return `handler in process (validation, crypto, phone check, simulated API): ${((ms * 1000) / n).toFixed(0)} µs per registration (${n} sequential)`;
}

export async function runFaultBench(): Promise<string[]> {
  return [
    ...(await storeMemory()),
    await stalledRedis(),
    ...(await stalledBodies()),
    await inProcessCost(),
  ];
}
