// Exactly once across processes: worker processes (children) share one BullMQ queue on a real
// redis-server and one OneSignal app (the REST simulator on loopback).
import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FallbackReport } from '../../src/server/index.js';
import { cleanup, onCleanup } from './helpers.js';
import { bullmq, startFallbackHarness } from './fallback-setup.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

let redis: RedisServer;
const WORKER = new URL(
  '../../node_modules/.cache/push-sms-fallback/fallback-worker.mjs',
  import.meta.url,
).pathname;
beforeAll(async () => {
  redis = await startRedisServer();
  await build({
    entryPoints: [new URL('./fallback-worker.ts', import.meta.url).pathname],
    outfile: WORKER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => redis?.stop());
afterEach(cleanup);

const VIEW_PATH = /^\/notifications\/[^/?]+\?/;

interface WorkerProcess {
  child: ChildProcess;
  reports: FallbackReport[];
}

async function startWorker(
  simUrl: string,
  queue: string,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, ...env, SIM_URL: simUrl, REDIS_URL: redis.url, QUEUE: queue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const reports: FallbackReport[] = [];
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const parsed = JSON.parse(line) as FallbackReport | { ready: true };
        if ('ready' in parsed) {
          clearTimeout(timer);
          resolve();
        } else reports.push(parsed);
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
  });
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  return { child, reports };
}

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A process that only schedules (no worker), as a web process would. */
async function scheduling() {
  const queue = `t-${crypto.randomUUID()}`;
  const h = await startFallbackHarness(bullmq(redis.url, { queueName: queue, worker: false }));
  const served = await h.sim.listen();
  onCleanup(() => served.close());
  return { h, queue, simUrl: served.url };
}

describe('BullMQ fallbacks across worker processes', () => {
  it('two workers decide each fallback once: one SMS per message', async () => {
    const { h, queue, simUrl } = await scheduling();
    const workers = await Promise.all([startWorker(simUrl, queue), startWorker(simUrl, queue)]);
    const keys = Array.from({ length: 10 }, (_, i) => `order-${i}`);
    for (const idempotencyKey of keys) {
      await h.notifier.sendWithFallback({
        externalId: 'chrome',
        contents: `Order ${idempotencyKey} is ready`,
        idempotencyKey,
        fallback: { after: 1000, unless: 'received' },
      });
    }
    const all = () => workers.flatMap((w) => w.reports);
    await until('10 decisions', () => all().length >= 10, 90_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      all()
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual(keys.sort());
    expect(all().every((r) => r.decision === 'sent-sms')).toBe(true);
    expect(h.smsSent()).toBe(10);
  }, 120_000);

  it('a worker killed while sending the SMS: the restarted one finishes, still one SMS', async () => {
    const { h, queue, simUrl } = await scheduling();
    const first = await startWorker(simUrl, queue);
    await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Order 77 is ready',
      idempotencyKey: 'order-77',
      fallback: { after: 1000, unless: 'received' },
    });
    // OneSignal creates the SMS, then the answer hangs: the worker dies before it knows.
    h.sim.inject({ kind: 'slow', delayMs: 10_000 }, { path: '/notifications' });
    await until('the SMS to be created', () => h.smsSent() === 1, 20_000);
    first.child.kill('SIGKILL');
    expect(first.reports).toHaveLength(0);

    const second = await startWorker(simUrl, queue);
    await until('the restarted worker to decide', () => second.reports.length === 1, 30_000);
    expect(second.reports[0]).toMatchObject({ idempotencyKey: 'order-77', decision: 'sent-sms' });
    expect(h.smsSent()).toBe(1);
    const smsCreates = h.sim.requests.filter(
      (r) =>
        r.method === 'POST' && (r.body as { target_channel?: string }).target_channel === 'sms',
    );
    expect(smsCreates.at(-1)?.replayed).toBe(true);
  }, 60_000);

  it('a worker whose clock runs 4 s ahead never decides before the window has passed', async () => {
    const { h, queue, simUrl } = await scheduling();
    const worker = await startWorker(simUrl, queue, { CLOCK_SKEW_MS: '4000' });
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Order 6 is ready',
      idempotencyKey: 'order-6',
      fallback: { after: 6000, unless: 'received' },
    });
    await until('the decision', () => worker.reports.length === 1, 30_000);
    expect(worker.reports[0]).toMatchObject({ decision: 'sent-sms', notificationId });
    // The simulator's log is on the true clock (this process): push sent → first View call.
    const at = (match: (r: (typeof h.sim.requests)[number]) => boolean) =>
      Date.parse(h.sim.requests.find(match)?.at ?? '');
    const pushAt = at((r) => r.method === 'POST');
    const viewAt = at((r) => r.method === 'GET' && VIEW_PATH.test(r.path));
    expect(viewAt - pushAt).toBeGreaterThanOrEqual(6000);
    expect(h.smsSent()).toBe(1);
  }, 60_000);

  it('50 fallbacks due at once: View message at most 10 in any 10 s, across two workers', async () => {
    const { h, queue, simUrl } = await scheduling();
    const workers = await Promise.all([startWorker(simUrl, queue), startWorker(simUrl, queue)]);
    const sends = [];
    for (let i = 0; i < 50; i++) {
      sends.push(
        h.notifier.sendWithFallback({
          externalId: 'chrome',
          contents: `Message ${i}`,
          idempotencyKey: `burst-${i}`,
          fallback: { after: 2000, unless: 'received' },
        }),
      );
    }
    await Promise.all(sends);
    const all = () => workers.flatMap((w) => w.reports);
    await until('50 decisions', () => all().length >= 50, 150_000);

    const views = h.sim.requests
      .filter((r) => r.method === 'GET' && VIEW_PATH.test(r.path))
      .map((r) => Date.parse(r.at));
    expect(views).toHaveLength(50);
    expect(h.sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
    for (let i = 10; i < views.length; i++) {
      // The 11th request after any one comes at least 10 s later.
      expect((views[i] ?? 0) - (views[i - 10] ?? 0)).toBeGreaterThanOrEqual(10_000);
    }
    expect(h.smsSent()).toBe(50);
  }, 180_000);
});
