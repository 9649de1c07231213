// cancelFallback racing the decision: a `true` must mean no SMS, whatever the decision was
// doing at that moment. OneSignal calls are held at a gate, so the race is exact, not timed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from './helpers.js';
import { bullmq, memory, startFallbackHarness, type SchedulerFactory } from './fallback-setup.js';
import { startRedisServer, type RedisServer } from './redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());
afterEach(cleanup);

type Held = 'view' | 'sms';

/** A fetch that holds the first View-message or SMS request until `release`. */
function gatedFetch(hold: Held) {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const fetchFn: typeof fetch = async (input, init) => {
    const isView = (init?.method ?? 'GET') === 'GET' && String(input).includes('/notifications/');
    const isSms = typeof init?.body === 'string' && init.body.includes('"target_channel":"sms"');
    if (!held && (hold === 'view' ? isView : isSms)) {
      held = true;
      arrived();
      await gate;
    }
    return fetch(input, init);
  };
  return { fetchFn, reached, release };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe.each<[string, () => SchedulerFactory]>([
  ['memory', () => memory],
  ['BullMQ', () => () => bullmq(redis.url)],
])('cancelFallback during the decision (%s)', (_name, factory) => {
  async function race(hold: Held) {
    const gate = gatedFetch(hold);
    const h = await startFallbackHarness(factory()(), {}, undefined, { fetch: gate.fetchFn });
    await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Order 5 is ready',
      idempotencyKey: 'order-5',
      fallback: { after: 1000, unless: 'received' },
    });
    await within(gate.reached, 15_000, `the ${hold} request`);
    const cancelled = await h.notifier.cancelFallback('order-5');
    gate.release();
    const report = await h.nextReport();
    return { h, cancelled, report };
  }

  it('while View message is in flight: true, and then no SMS (decision cancelled)', async () => {
    const { h, cancelled, report } = await race('view');
    expect(cancelled).toBe(true);
    expect(report.decision).toBe('cancelled');
    expect(h.smsSent()).toBe(0);
  });

  it('while the SMS is being created: false, the SMS stands (decision sent-sms)', async () => {
    const { h, cancelled, report } = await race('sms');
    expect(cancelled).toBe(false);
    expect(report.decision).toBe('sent-sms');
    expect(h.smsSent()).toBe(1);
  });
});
