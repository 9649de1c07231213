// Consent records: written before OneSignal is called, holding sms-consent.md §4.4's fields.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentRecord, ConsentWriter } from '../../src/server/index.js';
import { createJsonLinesConsentStore } from '../../src/server/node.js';
import {
  cleanup,
  must,
  onCleanup,
  ORIGIN,
  post,
  problemOf,
  registration,
  startHarness,
  writes,
} from './helpers.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';

afterEach(cleanup);

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'psf-consent-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const readLines = async (path: string): Promise<ConsentRecord[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ConsentRecord);

describe('consent records', () => {
  it('appends one JSON line per registration with the evidence', async () => {
    const path = join(await tempDir(), 'nested', 'consent.jsonl');
    const store = createJsonLinesConsentStore(path);
    onCleanup(() => store.close());
    const { url } = await startHarness({
      consentStore: store,
      resolveExternalId: (req) =>
        req.headers.get('cookie') === 'session=ok' ? 'customer-7' : null,
    });
    const body = registration();
    const before = Date.now();
    const res = await post(url, body, {
      headers: { cookie: 'session=ok', referer: `${ORIGIN}/checkout` },
    });
    expect(res.status).toBe(201);

    const [record, ...rest] = await readLines(path);
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      version: 2,
      phone: '+447400123456',
      phoneCountry: 'GB',
      lineType: 'MOBILE',
      consentText: body.consent.text,
      consentTextSha256: createHash('sha256').update(body.consent.text).digest('hex'),
      acceptedAt: body.consent.acceptedAt,
      locale: 'en-GB',
      pageUrl: body.consent.pageUrl,
      origin: ORIGIN,
      referrer: `${ORIGIN}/checkout`,
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (test)',
      pushPermission: 'denied',
      pushReason: 'denied',
      externalId: 'customer-7',
      idempotencyKey: body.idempotencyKey,
      onesignalAppId: '00000000-0000-4000-8000-000000000000',
      doubleOptIn: false,
    });
    expect(must(record).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(must(record).createdAt)).toBeGreaterThanOrEqual(before - 1000);
    // Personal data: readable by the owner only.
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps lines whole under concurrent registrations, and appends after a restart', async () => {
    const path = join(await tempDir(), 'consent.jsonl');
    const store = createJsonLinesConsentStore(path, { sync: false });
    const { url } = await startHarness({ consentStore: store, rateLimit: false });
    const phones = Array.from({ length: 8 }, (_, i) => `+4474001234${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(phones.map((phone) => post(url, registration({ phone }))));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    await store.close();

    const again = createJsonLinesConsentStore(path);
    onCleanup(() => again.close());
    const second = await startHarness({ consentStore: again });
    await post(second.url, registration());
    const records = await readLines(path);
    expect(records).toHaveLength(9);
    expect(new Set(records.slice(0, 8).map((r) => r.phone))).toEqual(new Set(phones));
  });

  it('is written before OneSignal is called', async () => {
    const sim = createOneSignalSimulator();
    const seen: number[] = [];
    const store: ConsentWriter = {
      async append() {
        seen.push(sim.requests.length);
      },
    };
    const { url } = await startHarness({ consentStore: store }, {}, sim);
    await post(url, registration());
    expect(seen).toEqual([0]);
    expect(writes(sim)).toHaveLength(1);
  });

  it('does not register when the record cannot be written (503, retryable)', async () => {
    const failing: ConsentWriter = {
      append: () => Promise.reject(new Error('disk full')),
    };
    const { url, sim, logger } = await startHarness({ consentStore: failing });
    const body = registration();
    const res = await post(url, body);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await problemOf(res)).status).toBe(503);
    expect(writes(sim)).toHaveLength(0);
    expect(logger.text()).toContain('Consent store failed');
    expect(logger.text()).not.toContain('+447400123456');
  });

  it('writes no record for a replay or an invalid request', async () => {
    const { url, consent } = await startHarness();
    const body = registration();
    await post(url, body);
    await post(url, body);
    await post(url, registration({ phone: '+442071838750' }));
    expect(consent.records).toHaveLength(1);
  });
});
