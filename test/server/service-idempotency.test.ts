// The embedded default (no REDIS_URL) keeps idempotency answers in PSF_DATA_DIR: an element that
// retries its sign-up across a restart of the service gets the first answer back, and OneSignal
// sees one registration.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, post, registration } from './helpers.js';
import {
  requireBuild,
  servedSimulator,
  serviceEnv,
  startService,
  tempDir,
} from './service-process.js';

beforeAll(requireBuild);
afterEach(cleanup);

describe('push-sms-fallback serve: idempotency on the embedded default', () => {
  it('replays an answer after a restart instead of registering again', async () => {
    const { sim, url: simUrl } = await servedSimulator();
    const env = serviceEnv(simUrl, { PSF_DATA_DIR: tempDir() });
    const registrations = () =>
      sim.requests.filter((r) => r.method === 'POST' && /\/users$/.test(r.path)).length;
    const body = registration({ phone: '+447400123457', idempotencyKey: crypto.randomUUID() });

    const first = await startService(env);
    const created = await post(`${first.url}/api/sms-subscribe`, body);
    expect(created.status).toBe(201);
    const answer = await created.text();
    expect(await first.stop()).toBe(0);
    expect(registrations()).toBe(1);

    const second = await startService(env);
    const replayed = await post(`${second.url}/api/sms-subscribe`, body);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.text()).toBe(answer);
    expect(registrations()).toBe(1);
    // The same key with another body is still refused, as before the restart.
    const reused = await post(`${second.url}/api/sms-subscribe`, { ...body, country: 'IE' });
    expect(reused.status).toBe(422);
    expect(await second.stop()).toBe(0);
  });

  it('drops expired and unreadable lines when it starts, so the file does not grow forever', async () => {
    const { url: simUrl } = await servedSimulator();
    const dir = tempDir();
    const file = join(dir, 'idempotency.jsonl');
    const stale = Date.now() - 25 * 3_600_000;
    const line = (key: string, at: number) =>
      `${JSON.stringify({ key, at, answer: { status: 201, headers: {}, body: '{}', fingerprint: 'f' } })}\n`;
    // An answer from yesterday, a line a crash cut short, a live answer.
    writeFileSync(file, `${line('old', stale)}{"key":"torn","at\n${line('kept', Date.now())}`);

    const service = await startService(serviceEnv(simUrl, { PSF_DATA_DIR: dir }));
    expect(await service.stop()).toBe(0);
    const keys = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { key: string }).key);
    expect(keys).toEqual(['kept']);
  });
});
