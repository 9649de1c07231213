// The JSON Lines store (the service's embedded default) as its file grows: a registration's
// opt-out check finds the number's earlier records without reading the whole file again, and
// what it finds stays right across restarts, erasures and text that is not ASCII.
import type * as Fs from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedSync } from '../../src/server/consent/shared-sync.js';
import { createJsonLinesConsentStore } from '../../src/server/node.js';
import { consentRecord } from './consent-records.js';
import { cleanup, onCleanup, post, registration, startHarness } from './helpers.js';

// Counts every read of a whole file through a stream: what a scan of the consent file costs.
const streams = vi.hoisted(() => ({ opened: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const createReadStream = ((path: string, options?: unknown) => {
    streams.opened.push(String(path));
    return fs.createReadStream(path, options as never);
  }) as typeof fs.createReadStream;
  return { ...fs, createReadStream, default: { ...fs, createReadStream } };
});

const AT = '2026-12-01T12:00:00.000Z';

async function storeFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'psf-index-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'consent.jsonl');
}

afterEach(cleanup);

describe('JSON Lines consent store as the file grows', () => {
  it('reads the file once for 30 registrations, not once (or twice) per registration', async () => {
    const path = await storeFile();
    const store = createJsonLinesConsentStore(path, { sync: false });
    onCleanup(() => store.close());
    // One test client: its address may send them all.
    const { url } = await startHarness({
      consentStore: store,
      rateLimit: { ip: { capacity: 100, intervalMs: 60_000 } },
    });
    streams.opened.length = 0;

    for (let i = 0; i < 30; i++) {
      const res = await post(
        url,
        registration({ phone: `+4474001234${String(i).padStart(2, '0')}` }),
      );
      expect(res.status).toBe(201);
    }
    expect(streams.opened.filter((p) => p === path)).toHaveLength(1);
  });

  it('finds a number again after a restart and after another number is erased, with non-ASCII text around it', async () => {
    const path = await storeFile();
    const first = createJsonLinesConsentStore(path, { sync: false });
    const text = 'Textnachrichten über Bestellungen • 注文のお知らせ 📦. STOP zum Abbestellen.';
    await first.append(await consentRecord('+447400000001', AT, { consentText: text }));
    const kept = await consentRecord('+447400000002', AT, { consentText: text });
    await first.append(kept);
    await first.recordOutcome(kept.id, 'opted-out');
    await first.append(await consentRecord('+447400000001', AT));
    await first.close();

    const second = createJsonLinesConsentStore(path, { sync: false });
    onCleanup(() => second.close());
    expect(await second.findConsent('+447400000002')).toEqual([{ ...kept, outcome: 'opted-out' }]);

    expect(await second.eraseConsent('+447400000001')).toBe(2);
    const later = await consentRecord('+447400000003', AT, { consentText: text });
    await second.append(later);
    expect(await second.findConsent('+447400000001')).toEqual([]);
    expect(await second.findConsent('+447400000002')).toEqual([{ ...kept, outcome: 'opted-out' }]);
    expect(await second.findConsent('+447400000003')).toEqual([{ ...later, outcome: null }]);
  });

  it('withdraws a late record by blanking its line where it is, not by rewriting the file', async () => {
    const path = await storeFile();
    const store = createJsonLinesConsentStore(path, { sync: false });
    const late = await consentRecord('+447400000005', AT);
    const kept = await consentRecord('+447400000006', AT);
    await store.append(late);
    await store.append(kept);
    const before = await stat(path);

    await store.withdraw?.(late.id);
    const after = await stat(path);
    // The same file, written in place: appends in the meantime kept going to it.
    expect(after.ino).toBe(before.ino);
    expect(after.size).toBe(before.size);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('+447400000005');
    expect(text).not.toContain(late.id);
    expect(await store.findConsent('+447400000005')).toEqual([]);
    expect(await store.findConsent('+447400000006')).toEqual([{ ...kept, outcome: null }]);
    await store.close();

    const reopened = createJsonLinesConsentStore(path, { sync: false });
    onCleanup(() => reopened.close());
    expect(await reopened.findConsent('+447400000005')).toEqual([]);
    expect(await reopened.findConsent('+447400000006')).toEqual([{ ...kept, outcome: null }]);
  });

  it('keeps the order of concurrent appends and an erasure asked between them', async () => {
    const store = createJsonLinesConsentStore(await storeFile());
    onCleanup(() => store.close());
    const phone = '+447400000007';
    const first = await consentRecord(phone, AT);
    const second = await consentRecord(phone, AT);
    const others = await Promise.all([1, 2, 3].map((n) => consentRecord(`+44740000001${n}`, AT)));
    // Appends asked together share one write; the erasure in between must still see only the first.
    const done = [store.append(first), ...others.map((r) => store.append(r))];
    const erased = store.eraseConsent(phone);
    done.push(store.append(second));
    await Promise.all(done);
    expect(await erased).toBe(1);
    expect(await store.findConsent(phone)).toEqual([{ ...second, outcome: null }]);
    for (const r of others)
      expect(await store.findConsent(r.phone)).toEqual([{ ...r, outcome: null }]);
  });

  it('finds a record the moment its append was asked for, before it reached the disk', async () => {
    const store = createJsonLinesConsentStore(await storeFile());
    onCleanup(() => store.close());
    const record = await consentRecord('+447400000004', AT);
    const appended = store.append(record);
    expect(await store.findConsent('+447400000004')).toEqual([{ ...record, outcome: null }]);
    await appended;
  });
});

describe('group commit of the consent file', () => {
  it('gives every write that finished during a flush one shared flush after it', async () => {
    const flushes: (() => void)[] = [];
    const flush = sharedSync(() => new Promise<void>((resolve) => flushes.push(resolve)));
    const settled: string[] = [];
    const first = flush().then(() => settled.push('first'));
    // Three writes finish while the first flush runs: it may have started before they landed.
    const during = [1, 2, 3].map((n) => flush().then(() => settled.push(`during ${n}`)));
    expect(flushes).toHaveLength(1);
    flushes[0]?.();
    await first;
    await vi.waitFor(() => expect(flushes).toHaveLength(2));
    expect(settled).toEqual(['first']);
    flushes[1]?.();
    await Promise.all(during);
    expect(settled).toEqual(['first', 'during 1', 'during 2', 'during 3']);
    expect(flushes).toHaveLength(2);
  });
});
