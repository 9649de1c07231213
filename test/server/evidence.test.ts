// Consent evidence holds only the believable: an acceptance time within the element's offline
// window, and every stored field within a documented cap.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, must, post, problemOf, registration, startHarness } from './helpers.js';

afterEach(cleanup);

const DAY = 24 * 60 * 60 * 1000;
const agreedAt = (acceptedAt: string) => {
  const base = registration();
  return registration({ consent: { ...base.consent, acceptedAt } });
};

describe('consent.acceptedAt', () => {
  for (const acceptedAt of ['0001-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z']) {
    it(`refuses ${acceptedAt.slice(0, 10)} (422 consent), and stores nothing`, async () => {
      const { url, sim, consent } = await startHarness();
      const res = await post(url, agreedAt(acceptedAt));
      expect(res.status).toBe(422);
      expect(await problemOf(res)).toMatchObject({ field: 'consent' });
      expect(consent.records).toHaveLength(0);
      expect(sim.requests).toHaveLength(0);
    });
  }

  it('accepts a submission the element queued offline and delivers days later', async () => {
    const { url, consent } = await startHarness();
    const res = await post(url, agreedAt(new Date(Date.now() - 6 * DAY).toISOString()));
    expect(res.status).toBe(201);
    expect(consent.records).toHaveLength(1);
  });

  it('refuses more than 30 days ago, and more than a day ahead', async () => {
    const { url } = await startHarness();
    const old = await post(url, agreedAt(new Date(Date.now() - 31 * DAY).toISOString()));
    expect(old.status).toBe(422);
    expect((await problemOf(old)).detail).toContain('30 days');
    const ahead = await post(url, agreedAt(new Date(Date.now() + 2 * DAY).toISOString()));
    expect(ahead.status).toBe(422);
  });
});

describe('stored field caps', () => {
  it('cuts a 12 KB User-Agent and a long Referer to their caps', async () => {
    const { url, consent } = await startHarness();
    const res = await post(url, registration(), {
      headers: {
        'user-agent': 'U'.repeat(12_000),
        referer: `https://shop.example/${'r'.repeat(3000)}`,
      },
    });
    expect(res.status).toBe(201);
    const record = must(consent.records[0]);
    expect(record.userAgent).toHaveLength(512);
    expect(record.referrer).toHaveLength(2048);
    expect(JSON.stringify(record).length).toBeLessThan(4000);
  });

  it('refuses a locale longer than a language tag can be', async () => {
    const { url } = await startHarness();
    const base = registration();
    const locale = `en${'-abcdefgh'.repeat(10)}`;
    const res = await post(url, registration({ consent: { ...base.consent, locale } }));
    expect(res.status).toBe(422);
  });
});
