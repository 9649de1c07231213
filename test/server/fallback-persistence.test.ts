// Pending fallbacks across a Redis restart (the server killed with SIGKILL, then started again
// on the same port and directory): kept with an append-only file, lost without persistence,
// and a scheduler on a Redis without AOF says so when it starts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger, cleanup, onCleanup } from './helpers.js';
import { bullmq, startFallbackHarness } from './fallback-setup.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

afterEach(cleanup);

async function redisWith(persistence: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'psf-redis-'));
  const args = [...persistence, '--dir', dir];
  let server = await startRedisServer({ persistence: args });
  onCleanup(async () => {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    url: server.url,
    async restart(): Promise<void> {
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGKILL');
      await exited;
      server = await startRedisServer({ port: server.port, persistence: args });
    },
  } satisfies Partial<RedisServer> & { restart(): Promise<void> };
}

const AOF = ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always'];
const NONE = ['--save', '', '--appendonly', 'no'];

async function scheduleThenRestart(persistence: string[]) {
  const redis = await redisWith(persistence);
  const logger = captureLogger();
  const h = await startFallbackHarness(bullmq(redis.url, { logger }));
  await h.notifier.sendWithFallback({
    externalId: 'chrome',
    contents: 'Order 7 is ready',
    idempotencyKey: 'order-7',
    fallback: { after: 4000, unless: 'received' },
  });
  await redis.restart();
  const warnings = logger.lines.filter((l) => l.level === 'warn' && /appendonly/.test(l.message));
  return { h, warnings };
}

describe('pending fallbacks across a Redis restart', () => {
  it('with an append-only file: the fallback survives, one SMS, no warning', async () => {
    const { h, warnings } = await scheduleThenRestart(AOF);
    expect(await h.nextReport(20_000)).toMatchObject({
      idempotencyKey: 'order-7',
      decision: 'sent-sms',
    });
    expect(h.smsSent()).toBe(1);
    expect(warnings).toHaveLength(0);
  }, 60_000);

  it('without persistence: the scheduler warned when it started, naming appendonly', async () => {
    const { h, warnings } = await scheduleThenRestart(NONE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/lost if Redis restarts.*appendonly yes/);
    // What it warned about: nothing is decided after the restart (the job is gone).
    await expect(h.nextReport(7000)).rejects.toThrow(/no fallback report/);
    expect(h.smsSent()).toBe(0);
  }, 60_000);
});
