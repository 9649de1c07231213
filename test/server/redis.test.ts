// Shared limits and replays through a real redis-server, started by this file on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRedisIdempotencyStore,
  createRedisRateLimitStore,
  type SendRedisCommand,
} from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, freePort, must, post, registration, startHarness, writes } from './helpers.js';

const REDIS_SERVER = '/usr/bin/redis-server';

let redis: ChildProcess;
let client: ReturnType<typeof createClient>;
let sendCommand: SendRedisCommand;

beforeAll(async () => {
  // Fail loudly: a missing server must not turn into a skipped (silently green) suite.
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server`);
  }
  const port = await freePort();
  redis = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${out}`)),
      10_000,
    );
    redis.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
  client = createClient({ socket: { host: '127.0.0.1', port } });
  await client.connect();
  sendCommand = (args) => client.sendCommand(args);
});

afterAll(async () => {
  await client?.quit();
  redis?.kill();
});

afterEach(async () => {
  await cleanup();
  await client.flushAll();
});

describe('Redis rate-limit store', () => {
  it('hands out exactly the bucket under concurrent takes (atomic Lua)', async () => {
    const store = createRedisRateLimitStore({ sendCommand });
    const rule = { capacity: 10, intervalMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 50 }, () => store.take('ip:a', rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const refused = must(results.find((r) => !r.allowed));
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(6000);
    // Other keys have their own bucket.
    expect((await store.take('ip:b', rule)).allowed).toBe(true);
  });

  it('refills over time', async () => {
    const store = createRedisRateLimitStore({ sendCommand, prefix: 'refill:' });
    const rule = { capacity: 1, intervalMs: 50 };
    expect((await store.take('k', rule)).allowed).toBe(true);
    const refused = await store.take('k', rule);
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 20));
    expect((await store.take('k', rule)).allowed).toBe(true);
  });

  it('lets two handler instances share per-phone and per-IP limits', async () => {
    const store = createRedisRateLimitStore({ sendCommand });
    const rateLimit = {
      store,
      ip: { capacity: 100, intervalMs: 60_000 },
      phone: { capacity: 2, intervalMs: 3_600_000 },
    };
    const sim = createOneSignalSimulator();
    const a = await startHarness({ rateLimit }, {}, sim);
    const b = await startHarness({ rateLimit }, {}, sim);
    expect((await post(a.url, registration())).status).toBe(201);
    expect((await post(b.url, registration())).status).toBe(201);
    const third = await post(a.url, registration());
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
    // The limit is per number: another one still goes through.
    expect((await post(b.url, registration({ phone: '+447400123457' }))).status).toBe(201);

    // No raw phone number is used as a Redis key.
    const keys = (await client.keys('*')) as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toContain('7400123456');
  });

  it('shares the per-IP bucket', async () => {
    const store = createRedisRateLimitStore({ sendCommand });
    const rateLimit = { store, ip: { capacity: 3, intervalMs: 60_000 }, phone: false as const };
    const a = await startHarness({ rateLimit });
    const b = await startHarness({ rateLimit });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const url = i % 2 ? b.url : a.url;
      statuses.push((await post(url, registration({ phone: `+4474001234${60 + i}` }))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('fails closed (503, retryable) when Redis is unreachable', async () => {
    const broken = createRedisRateLimitStore({
      sendCommand: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    const { url, sim } = await startHarness({ rateLimit: { store: broken } });
    const res = await post(url, registration());
    expect(res.status).toBe(503);
    expect(writes(sim)).toHaveLength(0);
  });
});

describe('Redis idempotency store', () => {
  it('replays across instances: a retry landing elsewhere does not call OneSignal again', async () => {
    const idempotencyStore = createRedisIdempotencyStore({ sendCommand });
    const sim = createOneSignalSimulator();
    const a = await startHarness({ idempotencyStore }, {}, sim);
    const b = await startHarness({ idempotencyStore }, {}, sim);
    const body = registration();
    expect((await post(a.url, body)).status).toBe(201);
    const replay = await post(b.url, body);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
    const reused = await post(b.url, { ...body, phone: '+447400123457' });
    expect(reused.status).toBe(422);
  });

  it('makes a concurrent duplicate on another instance wait for the first answer', async () => {
    const idempotencyStore = createRedisIdempotencyStore({ sendCommand });
    const sim = createOneSignalSimulator();
    sim.inject({ kind: 'slow', delayMs: 200 });
    const a = await startHarness({ idempotencyStore }, {}, sim);
    const b = await startHarness({ idempotencyStore }, {}, sim);
    const body = registration();
    const first = post(a.url, body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [one, two] = await Promise.all([first, post(b.url, body)]);
    expect([one.status, two.status]).toEqual([201, 201]);
    // Whichever arrived second waited for the other's answer.
    const replayed = [one, two].map((r) => r.headers.get('idempotent-replayed'));
    expect(replayed.sort()).toEqual(['true', null].sort());
    expect(writes(sim)).toHaveLength(1);
  });

  it('releases a retryable failure so another instance can register', async () => {
    const idempotencyStore = createRedisIdempotencyStore({ sendCommand });
    const sim = createOneSignalSimulator();
    const a = await startHarness({ idempotencyStore, maxRetries: 0 }, {}, sim);
    const b = await startHarness({ idempotencyStore }, {}, sim);
    sim.inject({ kind: 'status', status: 500 });
    const body = registration();
    expect((await post(a.url, body)).status).toBe(502);
    const retry = await post(b.url, body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });
});
