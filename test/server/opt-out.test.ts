// A number that texted STOP is never re-subscribed by a registration (contract section 6).
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMemoryConsentStore,
  createMemoryRateLimitStore,
  PROBLEM_TYPE_PREFIX,
} from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, post, problemOf, registration, startHarness, upstreamCalls } from './helpers.js';

afterEach(cleanup);

const PHONE = '+447400123456';
const sms = (sim: ReturnType<typeof createOneSignalSimulator>) =>
  sim.state().subscriptions.find((s) => s.type === 'SMS' && s.token === PHONE);
const creates = (sim: ReturnType<typeof createOneSignalSimulator>) =>
  sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/users')).length;

describe('opted-out numbers', () => {
  it('answers 409 /opted-out and leaves the subscription unsubscribed (sync across senders on)', async () => {
    const sim = createOneSignalSimulator({ syncUnsubscribeAcrossSenders: true });
    const consentStore = createMemoryConsentStore();
    const { url } = await startHarness({ consentStore, smsFrom: '+15555550100' }, {}, sim);
    expect((await post(url, registration())).status).toBe(201);
    sim.textFromPhone(PHONE, 'STOP');
    expect(sms(sim)?.enabled).toBe(false);

    const res = await post(url, registration());
    expect(res.status).toBe(409);
    const p = await problemOf(res);
    expect(p.type).toBe(`${PROBLEM_TYPE_PREFIX}sms/opted-out`);
    expect(String(p.type)).toMatch(/\/opted-out$/);
    expect(p).toMatchObject({ status: 409, field: 'phone' });
    expect(p.detail).toBe(
      'You opted out of our texts. Text START to +15555550100 to get them again.',
    );
    expect(sms(sim)?.enabled).toBe(false);
    expect(creates(sim)).toBe(1);

    // The attempt's evidence is kept, marked as not registered.
    const [refused, first] = await consentStore.findConsent(PHONE);
    expect(refused?.outcome).toBe('opted-out');
    expect(first?.outcome).toBeNull();

    // START opts back in; then the number registers again.
    sim.textFromPhone(PHONE, 'start');
    expect((await post(url, registration())).status).toBe(201);
  });

  it('holds with doubleOptIn, for a signed-in visitor, and in the visitor’s language', async () => {
    const sim = createOneSignalSimulator({ syncUnsubscribeAcrossSenders: true });
    sim.seedUser({
      identity: { external_id: 'customer-7' },
      subscriptions: [{ type: 'SMS', token: PHONE }],
    });
    sim.textFromPhone(PHONE, 'UNSUBSCRIBE');
    const { url } = await startHarness(
      {
        doubleOptIn: true,
        resolveExternalId: () => 'customer-7',
        optedOutMessage: { en: 'Text START to 12345.', de: 'Sende START an 12345.' },
      },
      {},
      sim,
    );
    const body = registration();
    const res = await post(url, { ...body, consent: { ...body.consent, locale: 'de-DE' } });
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toBe('Sende START an 12345.');
    expect(creates(sim)).toBe(0);
    expect(sms(sim)?.enabled).toBe(false);
    // Final: a replay of the same submission gets the same answer without asking again.
    const views = sim.requests.length;
    const again = await post(url, { ...body, consent: { ...body.consent, locale: 'de-DE' } });
    expect(again.status).toBe(409);
    expect(sim.requests.length).toBe(views);
  });

  it('never lifts a sender’s suppression (sync across senders off)', async () => {
    const sim = createOneSignalSimulator();
    const { url } = await startHarness({}, {}, sim);
    await post(url, registration());
    sim.textFromPhone(PHONE, 'STOP');
    // OneSignal reports nothing on the subscription: the registration goes through…
    expect((await post(url, registration())).status).toBe(201);
    // …and the sender still does not text the number.
    const sent = await sim.fetch('https://api.onesignal.com/notifications', {
      method: 'POST',
      headers: { authorization: `Key ${sim.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        app_id: sim.appId,
        name: 'x',
        include_phone_numbers: [PHONE],
        contents: { en: 'hi' },
      }),
    });
    expect(((await sent.json()) as { id: string }).id).toBe('');
  });

  it('spends the View user budget (10, then 1/s) only on numbers registered before', async () => {
    const sim = createOneSignalSimulator({ viewUserLimit: false });
    let now = 1_000_000;
    const store = createMemoryRateLimitStore({ now: () => now });
    const { url } = await startHarness({ rateLimit: { ip: false, phone: false, store } }, {}, sim);
    const phone = (i: number) => `+4474001234${String(i).padStart(2, '0')}`;
    // New numbers: no look-up at all.
    for (let i = 0; i < 12; i++) {
      expect((await post(url, registration({ phone: phone(i) }))).status).toBe(201);
    }
    expect(sim.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
    // The same numbers again: each is looked up, within the budget, never skipped.
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await post(url, registration({ phone: phone(i) })));
    expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(201));
    const refused = answers[10];
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(creates(sim)).toBe(22);
    // A second later one more look-up is allowed.
    now += 1000;
    expect((await post(url, registration({ phone: phone(11) }))).status).toBe(201);
  });

  it('answers 503 when OneSignal rate-limits the look-up of a known number, without registering', async () => {
    const sim = createOneSignalSimulator();
    const { url } = await startHarness({ maxRetries: 1 }, {}, sim);
    expect((await post(url, registration())).status).toBe(201);
    sim.inject({ kind: 'status', status: 429, retryAfter: 1 }, { times: 2, path: /\/users\/by\// });
    const res = await post(url, registration());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(upstreamCalls(sim)).toBe(1);
  });
});
