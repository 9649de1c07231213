// The element retries with the same Idempotency-Key: the first answer comes back, OneSignal is
// called once, and a reused key with another body is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore } from '../../src/server/index.js';
import {
  cleanup,
  CREATE_USER,
  post,
  problemOf,
  registration,
  startHarness,
  writes,
} from './helpers.js';

afterEach(cleanup);

describe('idempotent replay', () => {
  it('replays the first answer and never calls OneSignal twice', async () => {
    const { url, sim, consent } = await startHarness();
    const body = registration();
    const first = await post(url, body);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let i = 0; i < 3; i++) {
      const again = await post(url, body);
      expect(again.status).toBe(201);
      expect(await again.text()).toBe(firstBody);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(writes(sim)).toHaveLength(1);
    expect(consent.records).toHaveLength(1);
  });

  it('treats the same body with keys in another order as the same submission', async () => {
    const { url, sim } = await startHarness();
    const body = registration();
    await post(url, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const res = await post(url, body, { raw: JSON.stringify(reordered) });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
  });

  it('lets concurrent duplicates wait for the one in flight', async () => {
    const { url, sim } = await startHarness();
    sim.inject({ kind: 'slow', delayMs: 150 });
    const body = registration();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(url, body)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(writes(sim)).toHaveLength(1);
    expect(sim.state().users).toHaveLength(1);
  });

  it('refuses a reused key with a different body (422 idempotencyKey)', async () => {
    const { url, sim } = await startHarness();
    const body = registration();
    expect((await post(url, body)).status).toBe(201);
    const other = { ...body, phone: '+447400123499' };
    const res = await post(url, other);
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      field: 'idempotencyKey',
      type: 'urn:push-sms-fallback:problem:idempotency-key-reused',
    });
    expect(writes(sim)).toHaveLength(1);
  });

  it('does not keep retryable failures, so the next retry registers', async () => {
    const { url, sim } = await startHarness({ maxRetries: 0 });
    const body = registration();
    sim.inject({ kind: 'status', status: 503 }, { path: CREATE_USER });
    expect((await post(url, body)).status).toBe(502);
    const retry = await post(url, body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect((await post(url, body)).headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(2);
  });

  it('keeps permanent refusals: a replay of a refused number is refused without a call', async () => {
    const { url, sim } = await startHarness();
    sim.inject({ kind: 'status', status: 400 }, { path: CREATE_USER });
    const body = registration();
    expect((await post(url, body)).status).toBe(422);
    const again = await post(url, body);
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
  });

  it('forgets answers after the store TTL', async () => {
    let now = 1_000_000;
    const store = createMemoryIdempotencyStore({ ttlMs: 1000, now: () => now });
    const { url, sim } = await startHarness({ idempotencyStore: store });
    const body = registration();
    await post(url, body);
    now += 1001;
    const res = await post(url, body);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(writes(sim)).toHaveLength(2);
    // Still one user and one subscription: the upsert itself is idempotent upstream.
    expect(sim.state().subscriptions).toHaveLength(1);
  });
});
