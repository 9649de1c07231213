// A flood from many addresses must not buy anyone a fresh bucket: over real HTTP, the memory
// store keeps a number's limit through a flood of body-less POSTs from other clients.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from '../../src/server/index.js';
import { cleanup, post, registration, startHarness } from './helpers.js';

afterEach(cleanup);

/** The harness reads the client address from this header (as a platform adapter would). */
const clientIp = (request: Request) => request.headers.get('x-test-client-ip');

describe('rate limits under a flood from many addresses', () => {
  it('a number over its limit stays limited after 200 requests from 200 other addresses', async () => {
    const { url } = await startHarness({
      clientIp,
      rateLimit: {
        store: createMemoryRateLimitStore({ maxKeys: 50 }),
        ip: { capacity: 10, intervalMs: 3_600_000 },
        phone: { capacity: 2, intervalMs: 3_600_000 },
      },
    });
    const at = (ip: string) => ({ headers: { 'x-test-client-ip': ip } });
    expect((await post(url, registration(), at('198.51.100.1'))).status).toBe(201);
    expect((await post(url, registration(), at('198.51.100.2'))).status).toBe(201);
    expect((await post(url, registration(), at('198.51.100.3'))).status).toBe(429);

    const flood: number[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post(url, registration(), { raw: '', ...at(`203.0.${batch}.${i + 1}`) }),
        ),
      );
      flood.push(...answers.map((r) => r.status));
    }
    // The IP namespace holds 50 buckets, 3 of them known clients: 47 flooders get in (400, no
    // body); the rest are refused outright (429) rather than pushing anyone out.
    expect(flood.filter((s) => s === 400)).toHaveLength(47);
    expect(flood.filter((s) => s === 429)).toHaveLength(153);

    // From an address the store knows (a new one may be refused while the flood fills it).
    const again = await post(url, registration(), at('198.51.100.1'));
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(60);
  });
});

describe('memory rate-limit store when full', () => {
  const one = { capacity: 1, intervalMs: 1000 };

  it('keeps each namespace apart: ip: buckets never push out phone: buckets', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 2 });
    expect((await store.take('phone:a', one)).allowed).toBe(true);
    for (let i = 0; i < 10; i++) await store.take(`ip:${i}`, one);
    expect((await store.take('phone:a', one)).allowed).toBe(false);
  });

  it('refuses a new key while every bucket still limits someone, then drops refilled ones', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ now: () => now, maxKeys: 2 });
    expect((await store.take('ip:a', one)).allowed).toBe(true);
    now = 100;
    expect((await store.take('ip:b', one)).allowed).toBe(true);
    const refused = await store.take('ip:c', one);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 900 });
    // The known clients are not forgotten.
    expect((await store.take('ip:a', one)).allowed).toBe(false);
    now = 1200;
    // a refilled at 1000 (taken again at 0 → refused, no token used), b at 1100: both can go.
    expect((await store.take('ip:c', one)).allowed).toBe(true);
    expect((await store.take('ip:c', one)).allowed).toBe(false);
  });
});
