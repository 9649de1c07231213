// Issue 23, items 1 and 2: a number that texted STOP is never re-enabled, whoever holds it at
// OneSignal and whatever key the server uses now; and new sign-ups never wait on View user.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryConsentStore } from '../../src/server/index.js';
import { createJsonLinesConsentStore } from '../../src/server/node.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, post, problemOf, registration, startHarness, writes } from './helpers.js';

afterEach(cleanup);

const PHONE = '+447400123456';
type Sim = ReturnType<typeof createOneSignalSimulator>;
const sms = (sim: Sim) =>
  sim.state().subscriptions.find((s) => s.type === 'SMS' && s.token === PHONE);
const views = (sim: Sim) => sim.requests.filter((r) => r.method === 'GET').length;

describe('the local opt-out list', () => {
  it('refuses an imported number held opted out on a user this server never made', async () => {
    const sim = createOneSignalSimulator({ syncUnsubscribeAcrossSenders: true });
    // An import, an anonymous web user: no alias of ours, no external id.
    sim.seedUser({ identity: {}, subscriptions: [{ type: 'SMS', token: PHONE }] });
    sim.textFromPhone(PHONE, 'STOP');
    const consentStore = createMemoryConsentStore();
    expect(await consentStore.importOptOuts([PHONE, '+447400123457'])).toBe(2);
    expect(await consentStore.importOptOuts([PHONE])).toBe(0);
    const { url } = await startHarness({ consentStore }, {}, sim);

    const res = await post(url, registration());
    expect(res.status).toBe(409);
    expect(String((await problemOf(res)).type)).toMatch(/\/opted-out$/);
    expect(writes(sim)).toHaveLength(0);
    expect(sms(sim)?.enabled).toBe(false);
    await expect(consentStore.importOptOuts(['07400 123456'])).rejects.toThrow(/E\.164/);
  });

  it('keeps refusing after the alias secret changes (API key rotated without aliasSecret)', async () => {
    const sim = createOneSignalSimulator({ syncUnsubscribeAcrossSenders: true });
    const consentStore = createMemoryConsentStore();
    const before = await startHarness({ consentStore }, {}, sim);
    expect((await post(before.url, registration())).status).toBe(201);
    sim.textFromPhone(PHONE, 'STOP');
    // Every alias changes with the secret: the number's user can no longer be found by it.
    const after = await startHarness(
      { consentStore, aliasSecret: 'rotated-secret-0123456789' },
      {},
      sim,
    );
    const res = await post(after.url, registration());
    expect(res.status).toBe(409);
    expect(sms(sim)?.enabled).toBe(false);
    // What it learned is kept: the number is on the list now, by the number itself.
    expect(await consentStore.findOptOut(PHONE)).toMatchObject({ learned: true });
  });

  it('registers a burst of 60 new numbers without one View user request', async () => {
    const sim = createOneSignalSimulator({ writeLimits: true });
    const { url } = await startHarness({ rateLimit: { ip: false } }, {}, sim);
    const phones = Array.from({ length: 60 }, (_, i) => `+4474001${String(i).padStart(5, '0')}`);
    const answers = await Promise.all(phones.map((phone) => post(url, registration({ phone }))));
    expect(answers.map((r) => r.status)).toEqual(phones.map(() => 201));
    expect(views(sim)).toBe(0);
    expect(sim.state().subscriptions.filter((s) => s.enabled)).toHaveLength(60);
  });
});

describe('the JSON Lines opt-out list', () => {
  it('survives a restart: imports and clearings are lines in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'psf-optout-'));
    const path = join(dir, 'consent.jsonl');
    try {
      const first = createJsonLinesConsentStore(path, { sync: false });
      expect(await first.importOptOuts([PHONE, '+447400123457'])).toBe(2);
      expect(await first.clearOptOut('+447400123457')).toBe(true);
      await first.close();
      const again = createJsonLinesConsentStore(path, { sync: false });
      expect(await again.findOptOut(PHONE)).toMatchObject({ learned: false });
      expect(await again.findOptOut('+447400123457')).toBeNull();
      expect(await again.findConsent(PHONE)).toEqual([]);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
