// The scheduler's Redis is unreachable: the push has gone, and the caller must hear so within
// the notifier's deadline, not wait forever on a client that reconnects in the background.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FallbackScheduleError } from '../../src/server/index.js';
import { createBullMqScheduler } from '../../src/server/bullmq.js';
import { cleanup } from './helpers.js';
import { bullmq, startFallbackHarness } from './fallback-setup.js';
import { startRedisServer } from './redis-server.js';

let downUrl: string;
beforeAll(async () => {
  // A real server that is then killed: its port refuses connections.
  const redis = await startRedisServer();
  const exited = new Promise((resolve) => redis.process.once('exit', resolve));
  redis.stop();
  await exited;
  downUrl = redis.url;
});
afterEach(cleanup);

/** The settled value, or a marker when nothing settled within a generous bound. */
async function settled<T>(promise: Promise<T>, boundMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const none = new Promise<{ answered: false }>((resolve) => {
    timer = setTimeout(() => resolve({ answered: false }), boundMs);
  });
  const answer = promise.then(
    (value) => ({ answered: true as const, value }),
    (error: unknown) => ({ answered: true as const, error }),
  );
  return Promise.race([answer, none]).finally(() => clearTimeout(timer));
}

describe('sendWithFallback with the scheduler’s Redis unreachable', () => {
  it.each([
    ['with the offline queue', false],
    ['with disableOfflineQueue', true],
  ])(
    '%s: answers a clear error within schedulerTimeoutMs, naming the push',
    async (_, off) => {
      const scheduler = bullmq(downUrl, { worker: false }, { disableOfflineQueue: off });
      const h = await startFallbackHarness(scheduler, {}, undefined, { schedulerTimeoutMs: 500 });
      const outcome = await settled(
        h.notifier.sendWithFallback({
          externalId: 'chrome',
          contents: 'Order 9 is ready',
          idempotencyKey: 'order-9',
          fallback: { after: 5000, unless: 'received' },
        }),
        10_000,
      );
      expect(outcome).toMatchObject({ answered: true });
      const error = 'error' in outcome ? outcome.error : outcome;
      expect(error).toBeInstanceOf(FallbackScheduleError);
      const push = h.sim.state().notifications.find((n) => n.channel === 'push');
      expect(error).toMatchObject({ notificationId: push?.id, idempotencyKey: 'order-9' });
      expect(String(error)).toMatch(/push was sent.*not scheduled/i);
      expect(h.smsSent()).toBe(0);
    },
    30_000,
  );
});

describe('createBullMqScheduler with connection options', () => {
  it('names the missing ioredis package at creation (only redis is installed here)', () => {
    expect(() => createBullMqScheduler({ connection: { url: downUrl }, worker: false })).toThrow(
      /'ioredis'.*npm install ioredis.*createNodeRedisClient/s,
    );
  });
});
