// toNodeHandler: the client IP comes from the socket unless proxies are trusted; Express-style
// mounting with pre-parsed bodies and next(error).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsFallbackHandler, getClientIp } from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { toNodeHandler } from '../../src/server/node.js';
import {
  cleanup,
  closeServer,
  listen,
  onCleanup,
  post,
  registration,
  startHarness,
} from './helpers.js';

afterEach(cleanup);

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(listener);
  const url = await listen(server);
  onCleanup(() => closeServer(server));
  return url;
}

describe('toNodeHandler', () => {
  it('rebuilds the request: method, URL, headers, body', async () => {
    let seen: { method: string; url: string; header: string | null; body: string } | undefined;
    const url = await serve(
      toNodeHandler(async (request) => {
        seen = {
          method: request.method,
          url: request.url,
          header: request.headers.get('x-test'),
          body: await request.text(),
        };
        return new Response('ok', { status: 201, headers: { 'x-answer': 'yes' } });
      }),
    );
    const res = await fetch(`${url}/api/sms?x=1`, {
      method: 'POST',
      headers: { 'x-test': 'a' },
      body: 'hello',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-answer')).toBe('yes');
    expect(await res.text()).toBe('ok');
    expect(seen).toEqual({ method: 'POST', url: `${url}/api/sms?x=1`, header: 'a', body: 'hello' });
  });

  it('takes the client IP from the socket and ignores a forged X-Forwarded-For', async () => {
    let ip: string | null = null;
    const url = await serve(
      toNodeHandler(async (request) => {
        ip = getClientIp(request);
        return new Response(null, { status: 204 });
      }),
    );
    await fetch(url, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(ip).toBe('127.0.0.1');
  });

  it('with trustProxy, reads the address the trusted proxy appended', async () => {
    let ip: string | null = null;
    const url = await serve(
      toNodeHandler(
        async (request) => {
          ip = getClientIp(request);
          return new Response(null, { status: 204 });
        },
        { trustProxy: 1 },
      ),
    );
    // The client forged the first entry; the proxy appended the real one.
    await fetch(url, { headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' } });
    expect(ip).toBe('203.0.113.9');
  });

  it('keeps per-IP limits when a client rotates X-Forwarded-For', async () => {
    const { url } = await startHarness({ rateLimit: { ip: { capacity: 2, intervalMs: 60_000 } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(url, registration({ phone: `+4474001234${70 + i}` }), {
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('works after an Express-style JSON body parser consumed the stream', async () => {
    const sim = createOneSignalSimulator();
    const handler = createSmsFallbackHandler({
      appId: sim.appId,
      apiKey: sim.apiKey,
      allowedOrigins: ['https://shop.example'],
      fetch: sim.fetch,
      logger: false,
    });
    const listener = toNodeHandler(handler);
    // What express.json() does: read the stream, set req.body, call next().
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        (req as IncomingMessage & { body?: unknown }).body = JSON.parse(
          Buffer.concat(chunks).toString(),
        );
        listener(req, res, () => undefined);
      });
    });
    const res = await post(url, registration());
    expect(res.status).toBe(201);
    expect(sim.state().subscriptions).toHaveLength(1);
  });

  it('passes handler errors to next() when mounted in Express, else answers 500', async () => {
    const failing = toNodeHandler(async () => {
      throw new Error('boom');
    });
    const errors: unknown[] = [];
    const withNext = await serve((req, res) =>
      failing(req, res, (error) => {
        errors.push(error);
        res.statusCode = 418;
        res.end();
      }),
    );
    expect((await fetch(withNext)).status).toBe(418);
    expect(String(errors[0])).toContain('boom');
    const plain = await serve(failing);
    expect((await fetch(plain)).status).toBe(500);
  });

  it('rejects an invalid trustProxy setting', () => {
    expect(() => toNodeHandler(async () => new Response(), { trustProxy: -1 })).toThrow(
      /trustProxy/,
    );
  });
});
