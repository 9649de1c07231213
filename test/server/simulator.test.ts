// The REST simulator follows OneSignal's documented wire behaviour (onesignal-rest.md).
import { afterEach, describe, expect, it } from 'vitest';
import {
  createOneSignalSimulator,
  SIMULATOR_API_KEY,
} from '../../demo/simulators/onesignal-rest.js';
import { cleanup, onCleanup } from './helpers.js';

afterEach(cleanup);

const sim = () => createOneSignalSimulator();
type Sim = ReturnType<typeof sim>;

function call(s: Sim, method: string, path: string, body?: unknown, key = SIMULATOR_API_KEY) {
  return s.fetch(`https://api.onesignal.com${path.replace('{app}', s.appId)}`, {
    method,
    headers: { authorization: `Key ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const sms = (token: string) => ({ type: 'SMS', token, enabled: true });

describe('OneSignal REST simulator', () => {
  it('answers 401 without the right Key authorization', async () => {
    const s = sim();
    const res = await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } }, 'wrong');
    expect(res.status).toBe(401);
    const bearer = await s.fetch(`https://x/apps/${s.appId}/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SIMULATOR_API_KEY}` },
      body: '{}',
    });
    expect(bearer.status).toBe(401);
    expect(s.state().users).toHaveLength(0);
  });

  it('upserts users: 201 new, 202 existing by alias, and transfers an SMS subscription', async () => {
    const s = sim();
    const created = await call(s, 'POST', '/apps/{app}/users', {
      identity: { psf_phone: 'h1' },
      properties: { tags: { subscribed_to_push: 'false' } },
      subscriptions: [sms('+447400123456')],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { identity: Record<string, string> };
    expect(body.identity.onesignal_id).toMatch(/^[0-9a-f-]{36}$/);

    const again = await call(s, 'POST', '/apps/{app}/users', {
      identity: { psf_phone: 'h1' },
      properties: { tags: { subscribed_to_push: 'true' } },
      subscriptions: [sms('+447400123456')],
    });
    expect(again.status).toBe(202);
    expect(s.state().users).toHaveLength(1);
    expect(s.state().users[0]?.properties.tags).toEqual({ subscribed_to_push: 'true' });

    // The same number under another identity moves; it is not duplicated.
    await call(s, 'POST', '/apps/{app}/users', {
      identity: { external_id: 'u2' },
      subscriptions: [sms('+447400123456')],
    });
    const { users, subscriptions } = s.state();
    expect(subscriptions).toHaveLength(1);
    expect(users.find((u) => u.identity.external_id === 'u2')?.subscriptions).toHaveLength(1);
    expect(users.find((u) => u.identity.psf_phone === 'h1')?.subscriptions).toHaveLength(0);
  });

  it('can answer 200 for a new user, as the docs example does', async () => {
    const s = createOneSignalSimulator({ createdStatus: 200 });
    expect((await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } })).status).toBe(200);
  });

  it('answers 409 user-2 when the identity aliases belong to different users', async () => {
    const s = sim();
    s.seedUser({ identity: { external_id: 'u1' } });
    s.seedUser({ identity: { psf_phone: 'h1' } });
    const res = await call(s, 'POST', '/apps/{app}/users', {
      identity: { external_id: 'u1', psf_phone: 'h1' },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as {
      errors: { code: string; meta: { conflicting_aliases: object } }[];
    };
    expect(body.errors[0]?.code).toBe('user-2');
    expect(Object.keys(body.errors[0]?.meta.conflicting_aliases ?? {}).sort()).toEqual([
      'external_id',
      'psf_phone',
    ]);
  });

  it('refuses a non-E.164 SMS token and non-string tags with 400', async () => {
    const s = sim();
    expect(
      (
        await call(s, 'POST', '/apps/{app}/users', {
          identity: { a: 'b' },
          subscriptions: [sms('07400123456')],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(s, 'POST', '/apps/{app}/users', {
          identity: { a: 'b' },
          properties: { tags: { n: 1 } },
        })
      ).status,
    ).toBe(400);
    expect(s.state().users).toHaveLength(0);
  });

  it('creates subscriptions by alias: 201 new, 200 already there, 202 moved, 404 no user', async () => {
    const s = sim();
    s.seedUser({ identity: { external_id: 'a' } });
    s.seedUser({ identity: { external_id: 'b' } });
    const path = (who: string) => `/apps/{app}/users/by/external_id/${who}/subscriptions`;
    expect((await call(s, 'POST', path('a'), { subscription: sms('+447400123456') })).status).toBe(
      201,
    );
    expect((await call(s, 'POST', path('a'), { subscription: sms('+447400123456') })).status).toBe(
      200,
    );
    expect((await call(s, 'POST', path('b'), { subscription: sms('+447400123456') })).status).toBe(
      202,
    );
    expect((await call(s, 'POST', path('zz'), { subscription: sms('+447400123456') })).status).toBe(
      404,
    );
  });

  it('looks users up by alias and updates their tags ("" deletes)', async () => {
    const s = sim();
    s.seedUser({ identity: { external_id: 'a' }, tags: { keep: '1', drop: '1' } });
    const patched = await call(s, 'PATCH', '/apps/{app}/users/by/external_id/a', {
      properties: { tags: { drop: '', add: 'x' } },
    });
    expect(patched.status).toBe(202);
    const view = await call(s, 'GET', '/apps/{app}/users/by/external_id/a');
    expect(((await view.json()) as { properties: { tags: object } }).properties.tags).toEqual({
      keep: '1',
      add: 'x',
    });
    expect((await call(s, 'GET', '/apps/{app}/users/by/external_id/none')).status).toBe(404);
  });

  it('sends notifications, replays idempotency keys, and reports id "" with no subscriber', async () => {
    const s = sim();
    s.seedUser({
      identity: { external_id: 'a' },
      subscriptions: [{ type: 'SMS', token: '+447400123456' }],
    });
    const message = {
      app_id: s.appId,
      target_channel: 'sms',
      include_aliases: { external_id: ['a'] },
      name: 'test',
      contents: { en: 'Hi' },
      idempotency_key: crypto.randomUUID(),
    };
    const first = await call(s, 'POST', '/notifications', message);
    const firstBody = (await first.json()) as { id: string };
    expect(firstBody.id).not.toBe('');
    const replay = await call(s, 'POST', '/notifications', message);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(firstBody.id);
    expect(s.state().notifications).toHaveLength(1);

    const push = await call(s, 'POST', '/notifications', {
      ...message,
      target_channel: 'push',
      idempotency_key: crypto.randomUUID(),
    });
    expect(await push.json()).toEqual({
      id: '',
      errors: ['All included players are not subscribed'],
    });
    const noName = await call(s, 'POST', '/notifications', {
      ...message,
      name: undefined,
      idempotency_key: crypto.randomUUID(),
    });
    expect(noName.status).toBe(400);
    const noEnglish = await call(s, 'POST', '/notifications', {
      ...message,
      contents: { de: 'x' },
      idempotency_key: crypto.randomUUID(),
    });
    expect(noEnglish.status).toBe(400);
  });

  it('logs requests with the key masked, and reports them to listeners', async () => {
    const s = sim();
    const seen: string[] = [];
    const off = s.onRequest((e) => seen.push(`${e.method} ${e.status}`));
    await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } });
    off();
    await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } });
    expect(seen).toEqual(['POST 201']);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]?.headers.authorization).toMatch(/^Key •+0000$/);
    expect(JSON.stringify(s.requests)).not.toContain(SIMULATOR_API_KEY);
    expect(s.requests[0]?.body).toEqual({ identity: { a: 'b' } });
  });

  it('injects faults for the next N matching requests, in process and over a socket', async () => {
    const s = sim();
    s.inject({ kind: 'status', status: 429, retryAfter: 7 }, { times: 2, path: /\/users$/ });
    const limited = await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call(s, 'POST', '/notifications', {})).status).toBe(400);
    expect((await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } })).status).toBe(429);
    expect((await call(s, 'POST', '/apps/{app}/users', { identity: { a: 'b' } })).status).toBe(201);

    s.inject({ kind: 'reset' });
    await expect(call(s, 'POST', '/apps/{app}/users', { identity: { a: 'c' } })).rejects.toThrow(
      TypeError,
    );

    const served = await s.listen();
    onCleanup(() => served.close());
    s.inject({ kind: 'reset' });
    await expect(
      fetch(`${served.url}/apps/${s.appId}/users`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow(TypeError);
    const ok = await fetch(`${served.url}/apps/${s.appId}/users`, {
      method: 'POST',
      headers: { authorization: `Key ${SIMULATOR_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ identity: { a: 'd' } }),
    });
    expect(ok.status).toBe(201);
  });

  it('limits writes as documented: 1/s per user or subscription, 1,000/s per app, 429 + Retry-After', async () => {
    let now = 1_000_000;
    const s = createOneSignalSimulator({ writeLimits: true, now: () => now });
    const user = (n: number) => ({ identity: { psf_phone: `a${n}` }, subscriptions: [] });
    expect((await call(s, 'POST', '/apps/{app}/users', user(0))).status).toBe(201);
    // The same user again within the second: 429, then fine a second later.
    const again = await call(s, 'POST', '/apps/{app}/users', user(0));
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('1');
    const tag = { properties: { tags: { a: '1' } } };
    expect((await call(s, 'PATCH', '/apps/{app}/users/by/psf_phone/a0', tag)).status).toBe(429);
    // The same subscription on another user, within the second: 429 too.
    const number = { identity: { psf_phone: 'b' }, subscriptions: [sms('+447400123456')] };
    now += 1000;
    expect((await call(s, 'POST', '/apps/{app}/users', number)).status).toBe(201);
    const moved = { identity: { psf_phone: 'c' }, subscriptions: [sms('+447400123456')] };
    expect((await call(s, 'POST', '/apps/{app}/users', moved)).status).toBe(429);
    expect((await call(s, 'PATCH', '/apps/{app}/users/by/psf_phone/a0', tag)).status).toBe(202);
    // 1,000 writes per second per app; the 1,001st waits for the next second.
    now += 1000;
    const statuses: number[] = [];
    for (let i = 1; i <= 1001; i++) {
      statuses.push((await call(s, 'POST', '/apps/{app}/users', user(i))).status);
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(1000);
    expect(statuses[1000]).toBe(429);
    now += 1000;
    expect((await call(s, 'POST', '/apps/{app}/users', user(1001))).status).toBe(201);
    // Views are not writes: they keep their own limit.
    expect((await call(s, 'GET', '/apps/{app}/users/by/psf_phone/a0')).status).toBe(200);
  });

  it('resets its state', async () => {
    const s = sim();
    s.seedUser({ identity: { a: 'b' } });
    await call(s, 'GET', '/apps/{app}/users/by/a/b');
    s.reset();
    expect(s.state()).toEqual({ users: [], subscriptions: [], notifications: [] });
    expect(s.requests).toHaveLength(0);
  });
});
