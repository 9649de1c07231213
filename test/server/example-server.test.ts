// An example app run on its own (scripts/serve-example.ts) has a backend that registers numbers
// and real pages behind its consent links, where it used to end in "Something went wrong" and 404s.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registration } from './helpers.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const PORT = 9800 + Math.floor(Math.random() * 150);
const BASE = `http://localhost:${PORT}`;
let server: ChildProcess;

beforeAll(async () => {
  server = spawn(`${ROOT}node_modules/.bin/tsx`, ['scripts/serve-example.ts', 'react'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT) },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    server.stdout!.on('data', (d: Buffer) => d.toString().includes(BASE) && resolve()),
  );
}, 30_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
});

describe('an example app run on its own', () => {
  it('registers a number through the reference handler', async () => {
    const body = registration();
    const response = await fetch(`${BASE}/mock/example-react?script=201`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': body.idempotencyKey,
        origin: BASE,
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
  });

  it('serves real terms and privacy pages for the consent links', async () => {
    for (const [path, words] of [
      ['/terms', 'Reply STOP'],
      ['/privacy', 'erase your number'],
    ] as const) {
      const response = await fetch(`${BASE}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain(words);
    }
  });

  it('serves nothing outside the app', async () => {
    expect((await fetch(`${BASE}/../package.json`)).status).toBe(404);
    expect((await fetch(`${BASE}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});
