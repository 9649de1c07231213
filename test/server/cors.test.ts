// CORS: preflight answered for allowed origins only; answers readable cross-origin.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, ORIGIN, post, registration, startHarness } from './helpers.js';

afterEach(cleanup);

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, idempotency-key',
    },
  });

describe('CORS', () => {
  it('answers the preflight of an allowed origin with what the element needs', async () => {
    const { url } = await startHarness();
    const res = await preflight(url, ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed).toContain('content-type');
    expect(allowed).toContain('idempotency-key');
    expect(res.headers.get('vary')).toContain('Origin');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('refuses the preflight of any other origin without CORS headers', async () => {
    const { url } = await startHarness();
    for (const origin of ['https://evil.example', 'https://shop.example.evil.test', 'null']) {
      const res = await preflight(url, origin);
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('matches configured origins after normalisation (case, trailing slash)', async () => {
    const { url } = await startHarness({ allowedOrigins: ['https://Shop.Example/'] });
    expect((await preflight(url, ORIGIN)).status).toBe(204);
    expect((await post(url, registration())).status).toBe(201);
  });

  it('accepts a predicate for dynamic origins', async () => {
    const { url } = await startHarness({
      allowedOrigins: (o) => /^https:\/\/[a-z0-9-]+\.preview\.shop\.example$/.test(o),
    });
    expect((await preflight(url, 'https://pr-12.preview.shop.example')).status).toBe(204);
    expect((await preflight(url, ORIGIN)).status).toBe(403);
  });

  it('lets the page read errors and Retry-After cross-origin', async () => {
    const { url } = await startHarness({ rateLimit: { ip: { capacity: 1, intervalMs: 60_000 } } });
    await post(url, registration());
    const res = await post(url, registration());
    expect(res.status).toBe(429);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('answers a plain OPTIONS (no Origin) with Allow', async () => {
    const { url } = await startHarness();
    const res = await fetch(url, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  });
});
