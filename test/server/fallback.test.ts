// Each delivery-window decision, against the REST simulator, through the memory scheduler and
// through BullMQ on a real redis-server.
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

const WINDOW = { after: 1000, unless: 'received' as const };
const VIEW_PATH = /^\/notifications\/[^/]+$/;

describe.each<[string, () => SchedulerFactory]>([
  ['memory', () => memory],
  ['BullMQ', () => () => bullmq(redis.url)],
])('a delivery window through the %s scheduler', (_name, factory) => {
  const start = () => startFallbackHarness(factory()());

  it('sends the same text by SMS, once, when the push was not seen in time', async () => {
    const h = await start();
    const result = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: { en: 'Order 1234 is ready', de: 'Bestellung 1234 ist fertig' },
      idempotencyKey: 'order-1234-ready',
      fallback: WINDOW,
    });
    expect(result).toMatchObject({ channel: 'push', fallback: 'scheduled' });
    expect(h.smsSent()).toBe(0);
    const report = await h.nextReport();
    expect(report).toMatchObject({
      idempotencyKey: 'order-1234-ready',
      notificationId: result.notificationId,
      decision: 'sent-sms',
      evidence: { source: 'view', received: 0, converted: 0, platforms: ['chrome_web_push'] },
    });
    expect(h.smsSent()).toBe(1);
    const sms = h.sim.state().notifications.find((n) => n.channel === 'sms');
    expect(sms?.contents).toEqual({ en: 'Order 1234 is ready', de: 'Bestellung 1234 ist fertig' });
    expect(report.evidence.smsNotificationId).toBe(sms?.id);
    expect(h.logger.text()).not.toContain('7400123456');
  });

  it('sends nothing more when the device confirmed the push (unless: received)', async () => {
    const h = await start();
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Ready',
      fallback: WINDOW,
    });
    h.sim.reportDelivery(notificationId ?? '', 'received');
    expect(await h.nextReport()).toMatchObject({
      decision: 'seen',
      evidence: { source: 'view', received: 1 },
    });
    expect(h.smsSent()).toBe(0);
  });

  it('with unless: clicked, a delivery is not enough, a click is', async () => {
    const h = await start();
    const fallback = { after: 1000, unless: 'clicked' as const };
    const delivered = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Delivered only',
      idempotencyKey: 'a',
      fallback,
    });
    const clicked = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Clicked',
      idempotencyKey: 'b',
      fallback,
    });
    h.sim.reportDelivery(delivered.notificationId ?? '', 'received');
    h.sim.reportDelivery(clicked.notificationId ?? '', 'received');
    h.sim.reportDelivery(clicked.notificationId ?? '', 'clicked');
    await h.nextReport();
    await h.nextReport();
    const byKey = Object.fromEntries(h.reports.map((r) => [r.idempotencyKey, r]));
    expect(byKey['a']).toMatchObject({ decision: 'sent-sms', evidence: { received: 1 } });
    expect(byKey['b']).toMatchObject({ decision: 'seen', evidence: { converted: 1 } });
    expect(h.smsSent()).toBe(1);
  });

  it('judges Safari web push by clicks: OneSignal reports no confirmed deliveries there', async () => {
    const h = await start();
    const unseen = await h.notifier.sendWithFallback({
      externalId: 'safari',
      contents: 'Not clicked',
      idempotencyKey: 'safari-1',
      fallback: WINDOW,
    });
    const clicked = await h.notifier.sendWithFallback({
      externalId: 'safari',
      contents: 'Clicked',
      idempotencyKey: 'safari-2',
      fallback: WINDOW,
    });
    // The device "receives" both; Safari never reports it, as at OneSignal.
    h.sim.reportDelivery(unseen.notificationId ?? '', 'received');
    h.sim.reportDelivery(clicked.notificationId ?? '', 'received');
    h.sim.reportDelivery(clicked.notificationId ?? '', 'clicked');
    await h.nextReport();
    await h.nextReport();
    const byKey = Object.fromEntries(h.reports.map((r) => [r.idempotencyKey, r]));
    expect(byKey['safari-1']).toMatchObject({
      decision: 'sent-sms',
      evidence: { received: null, judgedByClicks: ['safari_web_push'] },
    });
    expect(byKey['safari-2']).toMatchObject({ decision: 'seen', evidence: { converted: 1 } });
    expect(h.smsSent()).toBe(1);
  });

  it('cancelFallback: no SMS, no View call, reported as cancelled', async () => {
    const h = await start();
    await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Ready',
      idempotencyKey: 'order-9',
      fallback: WINDOW,
    });
    expect(await h.notifier.cancelFallback('order-9')).toBe(true);
    expect(await h.notifier.cancelFallback('order-unknown')).toBe(false);
    expect(await h.nextReport()).toMatchObject({
      decision: 'cancelled',
      evidence: { source: 'cancel' },
    });
    expect(h.smsSent()).toBe(0);
    expect(h.viewRequests()).toBe(0);
    expect(await h.notifier.cancelFallback('order-9')).toBe(false);
  });

  it('a display webhook decides without polling OneSignal', async () => {
    const h = await start();
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Ready',
      fallback: WINDOW,
    });
    expect(await h.notifier.recordPushEvent(notificationId ?? '', 'shown')).toBe(true);
    expect(await h.nextReport()).toMatchObject({
      decision: 'seen',
      evidence: { source: 'webhook', events: ['shown'] },
    });
    expect(h.viewRequests()).toBe(0);
    expect(h.smsSent()).toBe(0);
    // Decided: later events change nothing.
    expect(await h.notifier.recordPushEvent(notificationId ?? '', 'clicked')).toBe(false);
  });

  it('reports no-sms-subscription when the user has push only', async () => {
    const h = await start();
    await h.notifier.sendWithFallback({
      externalId: 'push-only',
      contents: 'Hi',
      fallback: WINDOW,
    });
    expect(await h.nextReport()).toMatchObject({ decision: 'no-sms-subscription' });
    expect(h.smsSent()).toBe(0);
  });

  it('reports failed, without an SMS, when OneSignal refuses View message', async () => {
    const h = await start();
    h.sim.inject({ kind: 'status', status: 403 }, { path: VIEW_PATH });
    await h.notifier.sendWithFallback({ externalId: 'chrome', contents: 'Hi', fallback: WINDOW });
    const report = await h.nextReport();
    expect(report).toMatchObject({ decision: 'failed', evidence: { source: 'none' } });
    expect(report.evidence.error).toMatch(/HTTP 403/);
    expect(h.smsSent()).toBe(0);
    expect(h.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('after a View 429 waits Retry-After, then decides: one SMS', async () => {
    const h = await start();
    h.sim.inject({ kind: 'status', status: 429, retryAfter: 1 }, { path: VIEW_PATH });
    await h.notifier.sendWithFallback({ externalId: 'chrome', contents: 'Hi', fallback: WINDOW });
    expect(await h.nextReport()).toMatchObject({ decision: 'sent-sms' });
    const views = h.sim.requests.filter((r) => VIEW_PATH.test(r.path.split('?')[0] ?? ''));
    expect(views.map((r) => r.status)).toEqual([429, 200]);
    expect(Date.parse(views[1]?.at ?? '') - Date.parse(views[0]?.at ?? '')).toBeGreaterThanOrEqual(
      1000,
    );
    expect(h.smsSent()).toBe(1);
  });

  it('the same sendWithFallback twice schedules and sends nothing new', async () => {
    const h = await start();
    const input = {
      externalId: 'chrome',
      contents: 'Ready',
      idempotencyKey: 'twice',
      fallback: WINDOW,
    };
    const first = await h.notifier.sendWithFallback(input);
    const second = await h.notifier.sendWithFallback(input);
    expect(second).toEqual(first);
    await h.nextReport();
    const third = await h.notifier.sendWithFallback(input);
    expect(third).toEqual(first);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(h.reports).toHaveLength(1);
    expect(h.smsSent()).toBe(1);
    expect(h.sim.state().notifications.filter((n) => n.channel === 'push')).toHaveLength(1);
  });

  it('without a push subscription sends the SMS at once and schedules nothing', async () => {
    const h = await start();
    const result = await h.notifier.sendWithFallback({
      externalId: 'sms-only',
      contents: 'Ready',
      fallback: WINDOW,
    });
    expect(result).toMatchObject({ channel: 'sms', fallback: 'none' });
    expect(h.smsSent()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(h.reports).toHaveLength(0);
  });
});
