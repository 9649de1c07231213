// The element retries with the same Idempotency-Key: the first answer comes back, OneSignal is
// called once, and a reused key with another body is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore, type IdempotencyStore } from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
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
      type: 'urn:push-sms-fallback:problem/idempotency-key-reused',
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

describe('idempotency under failure', () => {
  /** A store as an instance that crashed sees it: from `crash()` on, its calls never return. */
  function crashable(store: IdempotencyStore) {
    let crashed = false;
    const hang = new Promise<never>(() => undefined);
    const guard =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        crashed ? hang : fn(...args);
    const wrapped: IdempotencyStore = {
      inFlightTtlMs: store.inFlightTtlMs,
      get: guard((key) => store.get(key)),
      claim: guard((key, fingerprint) => store.claim(key, fingerprint)),
      complete: guard((key, answer) => store.complete(key, answer)),
      release: guard((key) => store.release(key)),
      renew: guard((key, fingerprint) => store.renew?.(key, fingerprint) ?? Promise.resolve()),
    };
    return { store: wrapped, crash: () => void (crashed = true) };
  }

  it('does not mark a duplicate that waited on a retryable failure as a replay', async () => {
    const { url, sim } = await startHarness({ maxRetries: 0, timeoutMs: 200 });
    sim.inject({ kind: 'slow', delayMs: 1000 });
    const body = registration();
    const first = post(url, body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answers = await Promise.all([first, post(url, body)]);
    expect(answers.map((r) => r.status)).toEqual([502, 502]);
    expect(answers.map((r) => r.headers.get('idempotent-replayed'))).toEqual([null, null]);
    // Not kept: the element's next attempt registers.
    expect((await post(url, body)).status).toBe(201);
  });

  it('a claim left by a crashed instance stops blocking within the element timeout (defaults)', async () => {
    const shared = createMemoryIdempotencyStore();
    const sim = createOneSignalSimulator();
    const a = crashable(shared);
    const dying = await startHarness({ idempotencyStore: a.store }, {}, sim);
    const other = await startHarness({ idempotencyStore: shared }, {}, sim);
    sim.inject({ kind: 'slow', delayMs: 5000 });
    const body = registration();
    void post(dying.url, body).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    a.crash();
    // The element's retry lands on the other instance, with its 15 s request timeout.
    const retry = await post(other.url, body, { signal: AbortSignal.timeout(15_000) });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a live request renews its claim: a duplicate elsewhere waits and replays', async () => {
    const shared = createMemoryIdempotencyStore({ inFlightTtlMs: 600 });
    const sim = createOneSignalSimulator();
    const a = await startHarness({ idempotencyStore: shared, timeoutMs: 5000 }, {}, sim);
    const b = await startHarness({ idempotencyStore: shared }, {}, sim);
    sim.inject({ kind: 'slow', delayMs: 1500 });
    const body = registration();
    const first = post(a.url, body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [one, two] = await Promise.all([first, post(b.url, body)]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
  });
});
