// sendWithFallback: push first, SMS when the user has no push subscription; never twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createNotifier, OneSignalError } from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { captureLogger, cleanup, onCleanup } from './helpers.js';

afterEach(cleanup);

async function setup(options: { maxRetries?: number } = {}) {
  const sim = createOneSignalSimulator();
  const served = await sim.listen();
  onCleanup(() => served.close());
  const logger = captureLogger();
  const notifier = createNotifier({
    appId: sim.appId,
    apiKey: sim.apiKey,
    apiBaseUrl: served.url,
    retryBaseDelayMs: 1,
    logger,
    ...options,
  });
  sim.seedUser({ identity: { external_id: 'push-user' }, subscriptions: [{ type: 'ChromePush' }] });
  sim.seedUser({
    identity: { external_id: 'sms-user' },
    subscriptions: [{ type: 'SMS', token: '+447400123456' }],
  });
  sim.seedUser({ identity: { external_id: 'nobody' } });
  return { sim, notifier, logger };
}

const notificationCalls = (sim: ReturnType<typeof createOneSignalSimulator>) =>
  sim.requests.map((r) => (r.body as { target_channel: string }).target_channel);

describe('createNotifier().sendWithFallback', () => {
  it('sends push only when the user has a push subscription', async () => {
    const { sim, notifier } = await setup();
    const result = await notifier.sendWithFallback({
      externalId: 'push-user',
      contents: 'Your coffee order is ready',
      headings: 'Coffee',
    });
    expect(result.channel).toBe('push');
    expect(result.notificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(notificationCalls(sim)).toEqual(['push']);
    expect(sim.state().notifications[0]).toMatchObject({
      channel: 'push',
      contents: { en: 'Your coffee order is ready' },
    });
  });

  it('falls back to SMS with the same text when OneSignal reports no push subscriber', async () => {
    const { sim, notifier } = await setup();
    const result = await notifier.sendWithFallback({
      externalId: 'sms-user',
      contents: { en: 'Your coffee order is ready', de: 'Dein Kaffee ist fertig' },
    });
    expect(result.channel).toBe('sms');
    expect(notificationCalls(sim)).toEqual(['push', 'sms']);
    const sms = sim.requests[1]?.body as Record<string, unknown>;
    expect(sms).toMatchObject({
      target_channel: 'sms',
      include_aliases: { external_id: ['sms-user'] },
      name: 'psf-notify',
      contents: { en: 'Your coffee order is ready', de: 'Dein Kaffee ist fertig' },
    });
    expect(sim.state().notifications).toHaveLength(1);
  });

  it('reports none when the user has neither', async () => {
    const { notifier } = await setup();
    const result = await notifier.sendWithFallback({ externalId: 'nobody', contents: 'Hi' });
    expect(result).toMatchObject({ channel: 'none', notificationId: null });
    expect(result.errors).toEqual(['All included players are not subscribed']);
  });

  it('never sends twice for the same idempotencyKey, on either channel', async () => {
    const { sim, notifier } = await setup();
    const input = {
      externalId: 'sms-user',
      contents: 'Order 1234 is ready',
      idempotencyKey: 'order-1234-ready',
    };
    const first = await notifier.sendWithFallback(input);
    const second = await notifier.sendWithFallback(input);
    expect(second).toEqual(first);
    expect(sim.state().notifications).toHaveLength(1);
    expect(sim.requests.filter((r) => r.replayed)).toHaveLength(1);
    const keys = sim.requests.map((r) => (r.body as { idempotency_key: string }).idempotency_key);
    // Same submission, same keys; push and SMS keys differ from each other.
    expect(keys[0]).toBe(keys[2]);
    expect(keys[1]).toBe(keys[3]);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('retries a failed push with the same key, so a late success is not sent twice', async () => {
    const { sim, notifier } = await setup({ maxRetries: 2 });
    sim.inject({ kind: 'reset', afterProcessing: true });
    const result = await notifier.sendWithFallback({ externalId: 'push-user', contents: 'Ready' });
    expect(result.channel).toBe('push');
    expect(sim.requests.map((r) => r.replayed ?? false)).toEqual([false, true]);
    expect(sim.state().notifications).toHaveLength(1);
  });

  it('throws OneSignalError when OneSignal keeps failing, without falling back', async () => {
    const { sim, notifier } = await setup({ maxRetries: 1 });
    sim.inject({ kind: 'status', status: 503 }, { times: 5 });
    const error = await notifier
      .sendWithFallback({ externalId: 'sms-user', contents: 'Ready' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OneSignalError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(notificationCalls(sim)).toEqual(['push', 'push']);
  });

  it('validates its options and input', async () => {
    expect(() => createNotifier({ appId: 'nope', apiKey: 'k' })).toThrow(/appId/);
    const { notifier } = await setup();
    await expect(notifier.sendWithFallback({ externalId: '', contents: 'x' })).rejects.toThrow(
      /externalId/,
    );
    await expect(
      notifier.sendWithFallback({ externalId: 'a', contents: { de: 'x' } as never }),
    ).rejects.toThrow(/en/);
  });
});
