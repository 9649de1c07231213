// The optional welcome text: sent once per submission, whatever retries happen.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore } from '../../src/server/index.js';
import { cleanup, post, registration, startHarness, writes } from './helpers.js';

afterEach(cleanup);

describe('welcomeMessage', () => {
  it('texts the new subscriber once, by alias, with a derived idempotency key', async () => {
    const { url, sim } = await startHarness({
      welcomeMessage: ({ locale }) =>
        locale.startsWith('de') ? { en: 'Welcome', de: 'Willkommen' } : 'Welcome',
    });
    const res = await post(
      url,
      registration({ consent: { ...registration().consent, locale: 'de-DE' } }),
    );
    expect(res.status).toBe(201);
    const [message] = sim.state().notifications;
    expect(message).toMatchObject({
      channel: 'sms',
      name: 'psf-welcome',
      contents: { en: 'Welcome', de: 'Willkommen' },
    });
    expect(message?.recipients).toHaveLength(1);
    const sent = writes(sim)[1]?.body as {
      include_aliases: Record<string, string[]>;
      idempotency_key: string;
    };
    expect(Object.keys(sent.include_aliases)).toEqual(['psf_phone']);
    expect(sent.idempotency_key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('never sends a second text when the same submission runs again', async () => {
    let now = 1_000_000;
    const idempotencyStore = createMemoryIdempotencyStore({ ttlMs: 1000, now: () => now });
    const { url, sim } = await startHarness({ welcomeMessage: 'Welcome', idempotencyStore });
    const body = registration();
    await post(url, body);
    now += 5000; // the stored answer is gone: the submission runs again end to end
    expect((await post(url, body)).status).toBe(201);
    expect(sim.requests.filter((r) => r.path === '/notifications')).toHaveLength(2);
    expect(sim.requests.filter((r) => r.replayed)).toHaveLength(1);
    expect(sim.state().notifications).toHaveLength(1);
  });

  it('keeps the registration when the text cannot be sent, and says so in the log', async () => {
    const { url, sim, logger } = await startHarness({ welcomeMessage: 'Welcome', maxRetries: 1 });
    sim.inject({ kind: 'status', status: 500 }, { times: 5, path: '/notifications' });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(sim.state().subscriptions).toHaveLength(1);
    expect(logger.lines.some((l) => l.message === 'Welcome text not sent')).toBe(true);
  });
});
