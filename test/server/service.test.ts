// The program `push-sms-fallback` (contract §7), run from dist/ as a child process over loopback
// HTTP against the OneSignal REST simulator: configuration, routes, commands, restarts, SIGTERM.
import { request as httpRequest } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, post, registration } from './helpers.js';
import {
  NOTIFY_TOKEN,
  notify,
  requireBuild,
  run,
  servedSimulator,
  serviceEnv,
  startService,
  tempDir,
  until,
} from './service-process.js';

beforeAll(requireBuild);
afterEach(cleanup);

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function rawGet(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('push-sms-fallback: commands without a server', () => {
  it('check lists every problem at once and exits 1, printing no secret', async () => {
    const r = await run(['check'], {
      PATH: process.env.PATH ?? '',
      ONESIGNAL_API_KEY: 'secret key with spaces',
      PSF_ALLOWED_ORIGINS: 'https://ok.example,not-an-origin',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://user:hunter2@db/x',
    });
    expect(r.code).toBe(1);
    for (const name of [
      'ONESIGNAL_APP_ID',
      'ONESIGNAL_API_KEY',
      'not-an-origin',
      'PORT',
      'DATABASE_URL',
    ]) {
      expect(r.stderr).toContain(name);
    }
    expect(r.stderr + r.stdout).not.toMatch(/hunter2|secret key/);
    noStack(r.stderr);
  });

  it('check passes a good configuration and shows it without the key', async () => {
    const r = await run(['check'], serviceEnv('http://127.0.0.1:9'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Configuration OK');
    expect(r.stdout).not.toContain(serviceEnv('').ONESIGNAL_API_KEY);
    expect(r.stdout).not.toContain(NOTIFY_TOKEN);
  });

  it('--help, unknown commands and options, bad numbers and files: a message, no stack', async () => {
    const env = { ...serviceEnv('http://127.0.0.1:9'), PSF_DATA_DIR: tempDir() };
    const help = await run(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('consent export [--since ISO] [--until ISO]');
    const cases: [string[], number, RegExp][] = [
      [[], 2, /Usage/],
      [['frobnicate'], 2, /Unknown command "frobnicate"/],
      [['serve', '--verbose'], 2, /Unknown option '--verbose'/],
      [['consent', 'find', '12345'], 2, /not a phone number in E\.164/],
      [['consent', 'find'], 2, /takes 1 argument/],
      [['consent', 'export', '--since', 'yesterday'], 2, /--since must be an ISO 8601/],
      [['consent', 'erase', '+44 7400'], 2, /not a phone number/],
      [['opt-out', 'import', '/nonexistent/list.txt'], 1, /Cannot read/],
      [['check', '--since', '2026-01-01'], 2, /belong to "consent export"/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args, env);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      noStack(r.stderr);
    }
  });

  it('a database that refuses connections is a message, not a hang', async () => {
    const r = await run(['consent', 'find', '+447400123456'], {
      ...serviceEnv('http://127.0.0.1:9'),
      DATABASE_URL: 'postgres://u@127.0.0.1:1/x',
    });
    expect(r.code).toBe(1);
    noStack(r.stderr);
  });
});

describe('push-sms-fallback serve', () => {
  it('serves every route', async () => {
    const { sim, url: simUrl } = await servedSimulator();
    const dir = tempDir();
    const service = await startService(serviceEnv(simUrl, { PSF_DATA_DIR: dir }));
    const base = service.url;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });

    const created = await post(`${base}/api/sms-subscribe`, registration());
    expect(created.status).toBe(201);
    expect(sim.state().subscriptions.some((s) => s.token === '+447400123456')).toBe(true);
    const refused = await post(`${base}/api/sms-subscribe`, registration({ phone: '+1555' }));
    expect(refused.status).toBe(422);

    // Notify: bearer token, the result as JSON, then cancel its fallback.
    const notify = (init: RequestInit, path = '') =>
      fetch(`${base}/api/notify${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers as object) },
      });
    const input = {
      externalId: 'chrome',
      contents: 'Your order is ready',
      idempotencyKey: 'order-1',
      fallback: { after: 60_000, unless: 'received' },
    };
    expect((await notify({ method: 'POST', body: JSON.stringify(input) })).status).toBe(401);
    const auth = { authorization: `Bearer ${NOTIFY_TOKEN}` };
    const sent = await notify({ method: 'POST', body: JSON.stringify(input), headers: auth });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ channel: 'push', fallback: 'scheduled' });
    const bad = await notify({ method: 'POST', body: '{"contents":"x"}', headers: auth });
    expect(bad.status).toBe(422);
    const cancel = await notify({ method: 'DELETE', headers: auth }, '/order-1');
    expect(await cancel.json()).toEqual({ cancelled: true });

    // Push events: a webhook for a message this service never sent changes nothing.
    const event = await fetch(`${base}/api/push-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event: 'notification.willDisplay',
        notificationId: crypto.randomUUID(),
      }),
    });
    expect(event.status).toBeLessThan(500);

    // Metrics: Prometheus text, outcomes and OneSignal endpoints, no number or key.
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = await scrape.text();
    expect(metrics).toContain('psf_registrations_total{outcome="registered"} 1');
    expect(metrics).toContain('psf_registrations_total{outcome="invalid"} 1');
    expect(metrics).toMatch(
      /psf_onesignal_requests_total\{endpoint="POST \/apps\/\{app_id\}\/users",status="20\d"\} 1/,
    );
    // Label order is the client library's (prom-client writes `le` first).
    expect(metrics).toMatch(
      /^psf_registration_duration_seconds_bucket\{(?=[^}]*outcome="registered")(?=[^}]*le="\+Inf")[^}]*\} 1$/m,
    );
    // The process's own figures, as from any Node service.
    expect(metrics).toMatch(/^process_cpu_seconds_total \d/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(metrics).not.toMatch(/7400123456|simulator0000/);

    // Assets: the browser build, cached by kind, loadable cross-origin, nothing else reachable.
    const entry = await fetch(`${base}/assets/push-sms-fallback.js`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(entry.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    expect(entry.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const chunk = /push-sms-fallback-[\w-]+\.js/.exec(await entry.text())?.[0];
    expect(chunk).toBeDefined();
    const lazy = await fetch(`${base}/assets/${chunk}`);
    expect(lazy.headers.get('cache-control')).toContain('immutable');
    const etag = lazy.headers.get('etag') ?? '';
    expect(
      (await fetch(`${base}/assets/${chunk}`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    expect((await fetch(`${base}/assets/push-sms-fallback.classic.js`)).status).toBe(200);
    for (const path of [
      '/assets/../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/server/index.js',
      '/assets/server/index.js',
      '/assets/index.js',
    ]) {
      expect({ path, status: await rawGet(base, path) }).toEqual({ path, status: 404 });
    }

    expect(await service.stop()).toBe(0);
    const output = service.output();
    expect(output).not.toMatch(/7400123456|simulator0000|notify-token/);
    expect(service.logs.some((l) => l.msg === 'request' && l.path === '/api/sms-subscribe')).toBe(
      true,
    );
    // Every line: the level as a word, an ISO time; the last one written before the exit.
    for (const line of service.logs) {
      expect(line).toMatchObject({ level: expect.stringMatching(/^(info|warn|error)$/) });
      expect(String(line.time)).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    }
    expect(service.logs.at(-1)?.msg).toBe('Stopped');
  });

  it('keeps consent records and pending fallbacks across a restart; commands read them', async () => {
    const { url: simUrl } = await servedSimulator();
    const dir = tempDir();
    const env = serviceEnv(simUrl, { PSF_DATA_DIR: dir });
    const first = await startService(env);
    expect((await post(`${first.url}/api/sms-subscribe`, registration())).status).toBe(201);
    const sent = await notify(first.url, {
      externalId: 'chrome',
      contents: 'Ready',
      idempotencyKey: 'order-2',
      fallback: { after: 3_600_000, unless: 'received' },
    });
    expect(sent.status).toBe(200);
    // Writing commands refuse while serve owns the data directory.
    const busy = await run(['consent', 'erase', '+447400123456'], env);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/stop it first/);
    expect(await first.stop()).toBe(0);

    const second = await startService(env);
    expect(second.logs.some((l) => l.msg === 'Pending fallbacks restored' && l.count === 1)).toBe(
      true,
    );
    const cancel = await fetch(`${second.url}/api/notify/order-2`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${NOTIFY_TOKEN}` },
    });
    expect(await cancel.json()).toEqual({ cancelled: true });
    expect(await second.stop()).toBe(0);

    const found = await run(['consent', 'find', '+447400123456'], env);
    expect(found.code).toBe(0);
    expect(found.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(found.stdout)).toMatchObject({ phoneCountry: 'GB' });
    const exported = await run(['consent', 'export', '--since', '2000-01-01'], env);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1);
    const none = await run(['consent', 'export', '--until', '2000-01-01'], env);
    expect(none.stdout).toBe('');
    const erased = await run(['consent', 'erase', '+447400123456'], env);
    expect(JSON.parse(erased.stdout)).toEqual({ erased: 1 });
    expect((await run(['consent', 'find', '+447400123456'], env)).stdout).toBe('');
    expect(readFileSync(join(dir, 'consent.jsonl'), 'utf8')).not.toContain('7400123456');
  });

  it('SIGTERM lets a request in flight finish, then exits 0', async () => {
    const { sim, url: simUrl } = await servedSimulator();
    const service = await startService(serviceEnv(simUrl, { PSF_DATA_DIR: tempDir() }));
    sim.inject({ kind: 'slow', delayMs: 1500 }, { times: 5 });
    let arrived = false;
    sim.onRequest(() => (arrived = true));
    const pending = post(`${service.url}/api/sms-subscribe`, registration());
    await until('the registration to reach OneSignal', () => arrived);
    const exited = service.stop('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(201);
    expect(await exited).toBe(0);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });

  it('opt-out import: checks every line, then puts the numbers on the list', async () => {
    const { url: simUrl } = await servedSimulator();
    const dir = tempDir();
    const env = serviceEnv(simUrl, { PSF_DATA_DIR: dir });
    const list = join(dir, 'stop.txt');
    writeFileSync(list, '+447400123456\nnot a number\n');
    const refused = await run(['opt-out', 'import', list], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 2.*nothing imported/);

    writeFileSync(list, '# exported from the old SMS tool\n+447400123456\n+15555550123\n');
    const r = await run(['opt-out', 'import', list], env);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ imported: 2 });
    const service = await startService(env);
    const answer = await post(`${service.url}/api/sms-subscribe`, registration());
    expect(answer.status).toBe(409);
    expect(await service.stop()).toBe(0);
  });
});
