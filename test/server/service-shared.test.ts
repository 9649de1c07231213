// Two `serve` processes on one real PostgreSQL (DATABASE_URL) and one real Redis (REDIS_URL)
// behave as one (contract §7): one registration per idempotency key, per-number limits shared,
// and a fallback scheduled by an instance that is SIGKILLed is decided once by the other.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, CREATE_USER, post, registration } from './helpers.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import {
  notify,
  requireBuild,
  run,
  servedSimulator,
  serviceEnv,
  startService,
  until,
} from './service-process.js';

let pg: PostgresServer;
let redis: RedisServer;
beforeAll(async () => {
  requireBuild();
  [pg, redis] = await Promise.all([startPostgres(), startRedisServer()]);
}, 60_000);
afterAll(async () => {
  redis?.stop();
  await pg?.stop();
});
afterEach(cleanup);

async function twoInstances() {
  const { sim, url } = await servedSimulator();
  // Each request may say which client it is: the per-IP limit must not be what stops it.
  const env = serviceEnv(url, {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    PSF_TRUST_PROXY: '1',
  });
  const migrated = await run(['migrate'], env);
  expect(migrated.code).toBe(0);
  const [a, b] = await Promise.all([startService(env), startService(env)]);
  return { sim, env, a, b };
}

const consentLines = async (env: Record<string, string>, phone: string) => {
  const found = await run(['consent', 'find', phone], env);
  expect(found.code).toBe(0);
  return found.stdout.trim() === '' ? 0 : found.stdout.trim().split('\n').length;
};

describe('two serve instances on PostgreSQL and Redis', () => {
  it('share idempotency: one key sent to both makes one registration, one consent record', async () => {
    const { sim, env, a, b } = await twoInstances();
    const body = registration({ phone: '+447400111111' });
    const first = await post(`${a.url}/api/sms-subscribe`, body);
    expect(first.status).toBe(201);
    const again = await post(`${b.url}/api/sms-subscribe`, body);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(
      sim.requests.filter((r) => r.method === 'POST' && CREATE_USER.test(r.path)),
    ).toHaveLength(1);
    expect(await consentLines(env, '+447400111111')).toBe(1);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }, 60_000);

  it('share rate limits: the per-number limit spans both instances', async () => {
    const { a, b } = await twoInstances();
    const statuses: number[] = [];
    // Five per number per hour (the default), alternating instances, each from another client.
    for (let i = 0; i < 6; i += 1) {
      const base = i % 2 === 0 ? a.url : b.url;
      const answer = await post(
        `${base}/api/sms-subscribe`,
        registration({ phone: '+447400222222' }),
        { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 5).every((s) => s < 300)).toBe(true);
    expect(statuses[5]).toBe(429);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }, 60_000);

  it('a fallback whose instance is SIGKILLed is decided once, by the other (BullMQ)', async () => {
    const { sim, a, b } = await twoInstances();
    const sent = await notify(a.url, {
      externalId: 'chrome',
      contents: 'Your order is ready',
      idempotencyKey: 'order-killed',
      // Long enough that the job is still delayed in Redis when `a` dies.
      fallback: { after: 3_000, unless: 'received' },
    });
    expect(await sent.json()).toMatchObject({ channel: 'push', fallback: 'scheduled' });
    expect(await a.stop('SIGKILL')).toBe(null);

    // The service's own line (the library logs one too, without the key).
    const decided = () =>
      b.logs.filter((l) => l.msg === 'Fallback decided' && 'idempotencyKey' in l);
    await until('the other instance to decide', () => decided().length > 0, 30_000);
    expect(decided()[0]).toMatchObject({ idempotencyKey: 'order-killed', decision: 'sent-sms' });
    const sms = () => sim.state().notifications.filter((n) => n.channel === 'sms');
    expect(sms()).toHaveLength(1);
    expect(await b.stop()).toBe(0);
    expect(decided()).toHaveLength(1);
  }, 90_000);
});
