// A production server never loses consent records silently: no memory store by accident, and the
// memory store, when chosen, refuses when full instead of growing or forgetting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryConsentStore,
  createSmsFallbackHandler,
  type SmsFallbackOptions,
} from '../../src/server/index.js';
import { cleanup, post, registration, startHarness, upstreamCalls } from './helpers.js';
import { consentRecord } from './consent-records.js';

afterEach(async () => {
  vi.unstubAllEnvs();
  await cleanup();
});

const valid: SmsFallbackOptions = {
  appId: '00000000-0000-4000-8000-000000000000',
  apiKey: 'os_v2_app_test_key',
  allowedOrigins: ['https://shop.example'],
  logger: false,
};

describe('the default consent store', () => {
  it('is refused under NODE_ENV=production: a durable store, or the memory one on purpose', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    // Refused at the first request (500 /server-misconfigured), not at creation: `next build`
    // evaluates route modules under NODE_ENV=production without the runtime stores.
    const errors: unknown[] = [];
    const logger = { info() {}, warn() {}, error: (_m: string, f?: unknown) => errors.push(f) };
    const response = await createSmsFallbackHandler({ ...valid, logger })(
      new Request('https://shop.example/api', { method: 'POST' }),
    );
    expect(response.status).toBe(500);
    expect(JSON.stringify(errors)).toMatch(/consentStore \(required under NODE_ENV=production/);
    const chosen = createMemoryConsentStore();
    expect(typeof createSmsFallbackHandler({ ...valid, consentStore: chosen })).toBe('function');
  });

  it('is allowed elsewhere, with a warning at start', () => {
    vi.stubEnv('NODE_ENV', 'development');
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    createSmsFallbackHandler({ ...valid, logger });
    expect(warnings.join()).toContain('kept in memory only');
  });

  it('holds 10 000 records by default, then refuses rather than forgets', async () => {
    const store = createMemoryConsentStore();
    const record = await consentRecord('+447400123456', new Date().toISOString());
    for (let i = 0; i < 10_000; i++) await store.append({ ...record, id: String(i) });
    await expect(store.append(record)).rejects.toThrow(/full \(10000 records\)/);
    expect(store.records).toHaveLength(10_000);
    expect(store.records[0]?.id).toBe('0');
  });

  it('when full, a registration is answered 503 and never reaches OneSignal', async () => {
    const consentStore = createMemoryConsentStore({ maxRecords: 1 });
    const { url, sim, logger } = await startHarness({ consentStore });
    expect((await post(url, registration())).status).toBe(201);
    const writesBefore = upstreamCalls(sim);
    const refused = await post(url, registration({ phone: '+447400123457' }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(upstreamCalls(sim)).toBe(writesBefore);
    // Nothing was looked up either (a new anonymous number costs no View user request).
    expect(sim.requests.filter((r) => r.path.includes('/users/by/'))).toHaveLength(0);
    expect(logger.text()).toContain('full (1 records)');
  });
});
