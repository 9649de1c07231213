// OneSignal misbehaving: the handler retries within bounds, answers within the contract, and
// nothing is registered twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsFallbackHandler } from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import {
  captureLogger,
  cleanup,
  CREATE_USER,
  onCleanup,
  post,
  registration,
  startHarness,
  writes,
} from './helpers.js';

afterEach(cleanup);

const CONTRACT_STATUSES = [200, 201, 202, 400, 403, 405, 413, 415, 422, 429, 500, 502, 503];

describe('OneSignal faults', () => {
  it('retries a 429 after the Retry-After it was given', async () => {
    const { url, sim, logger } = await startHarness();
    sim.inject({ kind: 'status', status: 429, retryAfter: 1 }, { path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(writes(sim).map((r) => r.status)).toEqual([429, 201]);
    const retry = logger.lines.find((l) => l.message.includes('retrying'));
    expect(retry?.fields).toMatchObject({ attempt: 1, delayMs: 1000 });
  });

  it('does not hold the visitor for a Retry-After longer than retryMaxDelayMs: 503 passes it on', async () => {
    const { url, sim } = await startHarness({ retryMaxDelayMs: 500 });
    sim.inject({ kind: 'status', status: 429, retryAfter: 30 }, { path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(writes(sim)).toHaveLength(1);
  });

  it('retries 500s with backoff and succeeds', async () => {
    const { url, sim } = await startHarness({ maxRetries: 2 });
    sim.inject({ kind: 'status', status: 500 }, { times: 2, path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(writes(sim).map((r) => r.status)).toEqual([500, 500, 201]);
    expect(sim.state().users).toHaveLength(1);
  });

  it('gives up after maxRetries with 502', async () => {
    const { url, sim } = await startHarness({ maxRetries: 2 });
    sim.inject({ kind: 'status', status: 500 }, { times: 10, path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(502);
    expect(writes(sim)).toHaveLength(3);
    expect(sim.state().users).toHaveLength(0);
  });

  it('times out a slow answer, retries, and registers once (the slow call had landed)', async () => {
    const { url, sim } = await startHarness({ timeoutMs: 200 });
    sim.inject({ kind: 'slow', delayMs: 800 }, { path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(writes(sim)).toHaveLength(2);
    const { users, subscriptions } = sim.state();
    expect(users).toHaveLength(1);
    expect(subscriptions).toHaveLength(1);
  });

  it('survives a connection reset before and after OneSignal processed the call', async () => {
    const { url, sim } = await startHarness();
    sim.inject({ kind: 'reset' }, { path: CREATE_USER });
    expect((await post(url, registration())).status).toBe(201);
    sim.inject({ kind: 'reset', afterProcessing: true }, { path: CREATE_USER });
    expect((await post(url, registration({ phone: '+447400123457' }))).status).toBe(201);
    expect(writes(sim).map((r) => r.status)).toEqual([null, 201, null, 202]);
    expect(sim.state().users).toHaveLength(2);
    expect(sim.state().subscriptions).toHaveLength(2);
  });

  it('over real sockets too: reset and slow answers from a served simulator', async () => {
    const sim = createOneSignalSimulator();
    const served = await sim.listen();
    onCleanup(() => served.close());
    const { url } = await startHarness(
      { fetch: undefined, apiBaseUrl: served.url, timeoutMs: 500 },
      {},
      sim,
    );
    sim.inject({ kind: 'reset' }, { path: CREATE_USER });
    sim.inject({ kind: 'slow', delayMs: 2000 }, { path: CREATE_USER });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(writes(sim)).toHaveLength(3);
    expect(sim.state().subscriptions).toHaveLength(1);
  });

  it('answers only contract statuses under random faults, and never duplicates a number', async () => {
    // Faults hit the opt-out look-ups too; the budget is lifted so only faults refuse.
    const sim = createOneSignalSimulator({ viewUserLimit: false });
    const { url } = await startHarness(
      {
        maxRetries: 1,
        timeoutMs: 80,
        rateLimit: false,
        viewUserBudget: { capacity: 100, intervalMs: 1000 },
      },
      {},
      sim,
    );
    const faults = [
      { kind: 'status', status: 429, retryAfter: 0 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
      { kind: 'slow', delayMs: 120 },
      { kind: 'reset' },
      { kind: 'reset', afterProcessing: true },
    ] as const;
    for (let i = 0; i < 24; i++) sim.inject(faults[i % faults.length] ?? faults[0]);
    const bodies = Array.from({ length: 6 }, (_, i) =>
      registration({ phone: `+4474001234${50 + i}` }),
    );
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(bodies.map((b) => post(url, b)));
      for (const a of answers) expect(CONTRACT_STATUSES).toContain(a.status);
    }
    sim.clearFaults();
    for (const b of bodies) expect([200, 201]).toContain((await post(url, b)).status);
    const tokens = sim.state().subscriptions.map((s) => s.token);
    expect(tokens.sort()).toEqual(bodies.map((b) => b.phone).sort());
    expect(sim.state().users).toHaveLength(6);
  });

  it('calls OneSignal with a timeout even when the global fetch would hang', async () => {
    const logger = captureLogger();
    let calls = 0;
    const hanging: typeof fetch = (_input, init) => {
      calls++;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const sim = createOneSignalSimulator();
    const handler = createSmsFallbackHandler({
      appId: sim.appId,
      apiKey: sim.apiKey,
      allowedOrigins: ['https://shop.example'],
      fetch: hanging,
      timeoutMs: 50,
      maxRetries: 1,
      retryBaseDelayMs: 1,
      logger,
    });
    const body = registration();
    const res = await handler(
      new Request('http://localhost/api', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://shop.example',
          'idempotency-key': body.idempotencyKey,
        },
        body: JSON.stringify(body),
      }),
    );
    expect(res.status).toBe(502);
    expect(calls).toBe(2);
    expect(logger.text()).toContain('timeout');
  });
});

describe('stores that never answer', () => {
  const never = () => new Promise<never>(() => undefined);

  it('a hanging consent store: 503 Retry-After, and OneSignal is never called', async () => {
    const { url, sim, logger } = await startHarness({ consentStore: { append: never } });
    const res = await post(url, registration(), { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(sim.requests).toHaveLength(0);
    expect(logger.text()).toContain('Consent store failed');
  });

  it('a hanging rate-limit store: 503 Retry-After, nothing registered', async () => {
    const { url, sim, consent } = await startHarness({ rateLimit: { store: { take: never } } });
    const res = await post(url, registration(), { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(sim.requests).toHaveLength(0);
    expect(consent.records).toHaveLength(0);
  });
});
