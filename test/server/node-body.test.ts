// The Node adapter under hostile uploads, over a raw loopback socket: a declared length past
// the limit is refused before any byte of the body, a body that stops coming gets 408, and a
// method the Fetch API cannot represent gets a 405 like any other.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, ORIGIN, registration, startHarness, writes } from './helpers.js';

afterEach(cleanup);

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Writes `text` on a fresh connection and returns the first answer, or throws after `waitMs`
 * (a hang). The socket is left open: the client never finishes its upload.
 */
function exchange(url: string, text: string, waitMs = 5000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${waitMs} ms`));
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(received)?.[1];
      if (end < 0 || length === undefined || received.length < end + 4 + Number(length)) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({
        status: Number(received.slice(9, 12)),
        head: received.slice(0, end).toLowerCase(),
        body: received.slice(end + 4),
      });
    });
    socket.on('error', reject);
    socket.write(text);
  });
}

function head(method: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: 'localhost', origin: ORIGIN, ...headers });
  return `${method} /api/sms-subscribe HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

const json = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };

describe('Node adapter: bodies', () => {
  it('413 at once for Content-Length: 60000 whose body never comes', async () => {
    const { url, sim } = await startHarness();
    const answer = await exchange(url, head('POST', { ...json, 'content-length': 60000 }));
    expect(answer.status).toBe(413);
    expect(answer.head).toContain('content-type: application/problem+json');
    expect(answer.head).toContain('connection: close');
    expect(answer.head).toContain(`access-control-allow-origin: ${ORIGIN}`);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, detail: expect.any(String) });
    expect(sim.requests).toHaveLength(0);
  });

  it('413 as soon as a chunked body passes the limit, without waiting for its end', async () => {
    const { url } = await startHarness({ maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(2048);
    const text =
      head('POST', { ...json, 'transfer-encoding': 'chunked' }) +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    expect((await exchange(url, text)).status).toBe(413);
  });

  it('408 when the body stops coming, within bodyTimeoutMs', async () => {
    const { url, sim, consent } = await startHarness({}, { bodyTimeoutMs: 300 });
    const body = JSON.stringify(registration());
    const text = head('POST', { ...json, 'content-length': body.length }) + body.slice(0, 40);
    const answer = await exchange(url, text);
    expect(answer.status).toBe(408);
    expect(answer.head).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: 'urn:push-sms-fallback:problem/request-timeout',
      status: 408,
    });
    expect(sim.requests).toHaveLength(0);
    expect(consent.records).toHaveLength(0);
  });

  it('a whole body within the limit still registers', async () => {
    const { url, sim } = await startHarness({}, { bodyTimeoutMs: 300 });
    const reg = registration();
    const body = JSON.stringify(reg);
    const text =
      head('POST', {
        ...json,
        'idempotency-key': reg.idempotencyKey,
        'content-length': body.length,
      }) + body;
    expect((await exchange(url, text)).status).toBe(201);
    expect(writes(sim)).toHaveLength(1);
  });
});

describe('Node adapter: methods the Fetch API refuses', () => {
  // Node's parser refuses TRACK itself and routes CONNECT elsewhere; TRACE reaches us.
  for (const method of ['TRACE']) {
    it(`${method}: 405 problem+json with Allow`, async () => {
      const { url } = await startHarness();
      const answer = await exchange(url, head(method, {}));
      expect(answer.status).toBe(405);
      expect(answer.head).toContain('allow: post, options');
      expect(answer.head).toContain('content-type: application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({
        type: 'urn:push-sms-fallback:problem/method-not-allowed',
      });
    });
  }
});
