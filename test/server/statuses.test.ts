// Every status of contract section 3, over real HTTP through the Node adapter.
import { afterEach, describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_PREFIX } from '../../src/server/index.js';
import {
  cleanup,
  must,
  ORIGIN,
  post,
  problemOf,
  registration,
  startHarness,
  writes,
} from './helpers.js';

afterEach(cleanup);

describe('successful registrations', () => {
  it('answers 201 with the masked number and registers one SMS subscription', async () => {
    const { url, sim } = await startHarness();
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'registered', phone: '+44••••••••56' });

    const { users } = sim.state();
    expect(users).toHaveLength(1);
    expect(users[0]?.subscriptions).toMatchObject([
      { type: 'SMS', token: '+447400123456', enabled: true },
    ]);
    expect(users[0]?.properties.tags).toEqual({ subscribed_to_push: 'false' });
  });

  it('identifies an anonymous visitor by an HMAC alias, never the raw number', async () => {
    const { url, sim } = await startHarness();
    await post(url, registration());
    const identity = must(sim.state().users[0]).identity;
    expect(Object.keys(identity).sort()).toEqual(['onesignal_id', 'psf_phone']);
    expect(identity.psf_phone).toMatch(/^[0-9a-f]{64}$/);
    for (const r of writes(sim)) {
      const sent = (r.body as { identity?: Record<string, string> }).identity ?? {};
      for (const value of Object.values(sent)) expect(value).not.toContain('7400123456');
    }
  });

  it('answers 201 again for the same number from another submission (no enumeration)', async () => {
    const { url, sim } = await startHarness();
    expect((await post(url, registration())).status).toBe(201);
    expect((await post(url, registration())).status).toBe(201);
    expect(sim.state().users).toHaveLength(1);
    expect(sim.state().subscriptions).toHaveLength(1);
  });

  it('answers 200 for a signed-in visitor whose OneSignal user already existed', async () => {
    const { url, sim } = await startHarness({ resolveExternalId: () => 'customer-42' });
    sim.seedUser({ identity: { external_id: 'customer-42' } });
    const res = await post(url, registration());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'registered', phone: '+44••••••••56' });
    const user = must(sim.state().users[0]);
    expect(user.identity.external_id).toBe('customer-42');
    expect(user.subscriptions).toHaveLength(1);
  });

  it('answers 201 for a signed-in visitor who is new to OneSignal', async () => {
    const { url } = await startHarness({ resolveExternalId: () => 'customer-43' });
    expect((await post(url, registration())).status).toBe(201);
  });

  it('answers 201 for a form the page opened on request (open(): reason requested)', async () => {
    const { url } = await startHarness();
    const push = { supported: true, permission: 'granted', reason: 'requested' } as const;
    expect((await post(url, registration({ push }))).status).toBe(201);
  });

  it('answers 202 pending with doubleOptIn, and sends no text of its own', async () => {
    const { url, sim } = await startHarness({ doubleOptIn: true });
    const res = await post(url, registration());
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'pending', phone: '+44••••••••56' });
    expect(sim.state().notifications).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('400 for a body that is not JSON', async () => {
    const { url, sim } = await startHarness();
    const res = await post(url, registration(), { raw: '{"phone": ' });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p).toMatchObject({ status: 400, type: `${PROBLEM_TYPE_PREFIX}bad-request` });
    expect(sim.requests).toHaveLength(0);
  });

  it('400 without an Idempotency-Key header', async () => {
    const { url } = await startHarness();
    const res = await post(url, registration(), { headers: { 'idempotency-key': null } });
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ field: 'idempotencyKey' });
  });

  it('403 for an origin that is not allowed, and for a missing Origin', async () => {
    const { url, sim } = await startHarness();
    const evil = await post(url, registration(), { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await problemOf(evil)).toMatchObject({
      type: `${PROBLEM_TYPE_PREFIX}origin-not-allowed`,
      detail: 'This origin may not use this endpoint.',
    });
    const none = await post(url, registration(), { headers: { origin: null } });
    expect(none.status).toBe(403);
    // A curl or server-side caller learns what is missing, not that its origin is refused.
    expect((await problemOf(none)).detail).toMatch(/no Origin header.*must send Origin/);
    expect(sim.requests).toHaveLength(0);
  });

  it('405 with Allow for other methods', async () => {
    const { url } = await startHarness();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(url, { method, headers: { origin: ORIGIN } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
      expect((await problemOf(res)).status).toBe(405);
    }
  });

  it('413 for a body over the cap, declared or streamed', async () => {
    const { url, sim } = await startHarness({ maxBodyBytes: 2048 });
    const big = registration({
      consent: { ...registration().consent, text: 'x'.repeat(3000) },
    });
    const res = await post(url, big);
    expect(res.status).toBe(413);
    expect((await problemOf(res)).detail).toContain('2048');

    // Chunked upload without Content-Length: stopped as soon as it passes the cap.
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        'idempotency-key': crypto.randomUUID(),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sim.requests).toHaveLength(0);
  });

  it('415 for other content types, with Accept-Post', async () => {
    const { url } = await startHarness();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      const res = await post(url, registration(), { headers: { 'content-type': type } });
      expect(res.status).toBe(415);
      expect(res.headers.get('accept-post')).toBe('application/json');
    }
    const ok = await post(url, registration(), {
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(ok.status).toBe(201);
  });

  it.each([
    ['not E.164', { phone: '07400 123456' }, 'phone', 'invalid-phone'],
    ['invalid number', { phone: '+4474001234' }, 'phone', 'invalid-phone'],
    ['a UK landline', { phone: '+442071838750' }, 'phone', 'invalid-phone'],
    ['a US toll-free number', { phone: '+18005551234', country: 'US' }, 'phone', 'invalid-phone'],
    ['a country that does not match', { country: 'FR' }, 'country', 'invalid-request'],
    ['a missing phone', { phone: undefined }, 'phone', 'invalid-request'],
    [
      'bad push state',
      { push: { supported: true, permission: 'maybe' } },
      'push',
      'invalid-request',
    ],
    ['another tag', { tags: { vip: 'true' } }, 'tags', 'invalid-request'],
    ['a non-boolean tag value', { tags: { subscribed_to_push: 'yes' } }, 'tags', 'invalid-request'],
  ])('422 for %s, naming the field', async (_name, change, field, kind) => {
    const { url, sim } = await startHarness();
    const body = { ...registration(), ...change } as ReturnType<typeof registration>;
    const res = await post(url, body);
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect(p).toMatchObject({ status: 422, field, type: PROBLEM_TYPE_PREFIX + kind });
    expect(typeof p.detail).toBe('string');
    expect(sim.requests).toHaveLength(0);
  });

  it('422 country-not-allowed outside the allow-list', async () => {
    const { url } = await startHarness({ countries: ['US', 'CA'] });
    const res = await post(url, registration());
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      field: 'country',
      type: `${PROBLEM_TYPE_PREFIX}country-not-allowed`,
    });
    const us = await post(url, registration({ phone: '+14155552671', country: 'US' }));
    expect(us.status).toBe(201);
  });

  it.each([
    ['no consent', undefined],
    ['empty text', { text: '  ' }],
    ['no acceptance time', { acceptedAt: 'yesterday' }],
    ['a non-http page', { pageUrl: 'javascript:alert(1)' }],
  ])('422 consent-required for %s', async (_name, change) => {
    const { url, sim } = await startHarness();
    const base = registration();
    const consent = change === undefined ? undefined : { ...base.consent, ...change };
    const res = await post(url, { ...base, consent } as typeof base);
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      field: 'consent',
      type: `${PROBLEM_TYPE_PREFIX}consent-required`,
    });
    expect(sim.requests).toHaveLength(0);
  });

  it('422 when the body key differs from the Idempotency-Key header', async () => {
    const { url } = await startHarness();
    const res = await post(url, registration(), {
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res)).field).toBe('idempotencyKey');
  });

  it('422 phone when OneSignal refuses the number with 400', async () => {
    const { url, sim } = await startHarness();
    sim.inject({ kind: 'status', status: 400 });
    const res = await post(url, registration());
    expect(res.status).toBe(422);
    expect((await problemOf(res)).field).toBe('phone');
  });

  it('429 with Retry-After when the per-IP bucket is empty', async () => {
    const { url } = await startHarness({ rateLimit: { ip: { capacity: 2, intervalMs: 60_000 } } });
    expect((await post(url, registration())).status).toBe(201);
    expect((await post(url, registration({ phone: '+447400123457' }))).status).toBe(201);
    const res = await post(url, registration({ phone: '+447400123458' }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await problemOf(res)).type).toBe(`${PROBLEM_TYPE_PREFIX}rate-limited`);
  });

  it('500 with a generic detail when OneSignal rejects the API key, and logs it masked', async () => {
    const { url, sim, logger } = await startHarness({ apiKey: 'wrong-key-0123456789' });
    const res = await post(url, registration());
    expect(res.status).toBe(500);
    const p = await problemOf(res);
    expect(p.detail).toBe('The service is not configured correctly.');
    expect(JSON.stringify(p)).not.toContain('wrong-key');
    expect(sim.requests).toHaveLength(1);
    const line = logger.lines.find((l) => l.level === 'error');
    expect(line?.message).toContain('check appId and apiKey');
    expect(logger.text()).not.toContain('wrong-key-0123456789');
  });

  it('502 when OneSignal keeps failing, 503 with Retry-After when it keeps rate limiting', async () => {
    const { url, sim } = await startHarness({ maxRetries: 1 });
    sim.inject({ kind: 'status', status: 500 }, { times: 2 });
    const res = await post(url, registration());
    expect(res.status).toBe(502);
    expect((await problemOf(res)).type).toBe(`${PROBLEM_TYPE_PREFIX}upstream-unavailable`);

    sim.inject({ kind: 'status', status: 429, retryAfter: 120 });
    const limited = await post(url, registration());
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('120');
  });

  it('answers an unexpected exception with a generic 500', async () => {
    const { url, logger } = await startHarness({
      resolveExternalId: () => {
        throw new Error('session store down');
      },
    });
    const res = await post(url, registration());
    expect(res.status).toBe(500);
    expect((await problemOf(res)).detail).not.toContain('session');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
  });
});
