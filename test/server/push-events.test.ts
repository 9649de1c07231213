// OneSignal's web push webhooks: evidence that can only stop an SMS, for a push the notifier
// sent and still waits on.
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createPushEventsHandler } from '../../src/server/index.js';
import { toNodeHandler } from '../../src/server/node.js';
import { cleanup, closeServer, listen, onCleanup, problemOf } from './helpers.js';
import { memory, startFallbackHarness } from './fallback-setup.js';

afterEach(cleanup);

const ORIGIN = 'https://shop.example';
const WINDOW = { after: 1000, unless: 'received' as const };

async function setup() {
  const h = await startFallbackHarness(memory());
  const handler = createPushEventsHandler({
    notifier: h.notifier,
    allowedOrigins: [ORIGIN],
    logger: false,
  });
  const server = createServer(toNodeHandler(handler));
  const url = await listen(server);
  onCleanup(() => closeServer(server));
  return { h, url };
}

/** What the service worker sends with `cors: false`: a no-cors fetch with a string body. */
const noCors = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(body),
  });

/** With `cors: true`: JSON plus X-OneSignal-Event, after a preflight. */
const withCors = (url: string, body: { event: string }) =>
  fetch(url, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-onesignal-event': body.event,
    },
    body: JSON.stringify(body),
  });

describe('createPushEventsHandler', () => {
  it('a forged webhook for an id this notifier did not send changes nothing', async () => {
    const { h, url } = await setup();
    await h.notifier.sendWithFallback({ externalId: 'chrome', contents: 'Hi', fallback: WINDOW });
    const forged = await noCors(url, {
      event: 'notification.clicked',
      notificationId: crypto.randomUUID(),
    });
    expect(forged.status).toBe(204);
    const report = await h.nextReport();
    expect(report).toMatchObject({ decision: 'sent-sms', evidence: { events: [] } });
    expect(h.smsSent()).toBe(1);
  });

  it('a real display webhook (cors: false) for a pending push stops the SMS', async () => {
    const { h, url } = await setup();
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Hi',
      fallback: WINDOW,
    });
    const res = await noCors(url, {
      event: 'notification.willDisplay',
      notificationId,
      heading: 'Shop',
      content: 'Hi',
    });
    expect(res.status).toBe(204);
    expect(await h.nextReport()).toMatchObject({
      decision: 'seen',
      evidence: { source: 'webhook', events: ['shown'] },
    });
    expect(h.smsSent()).toBe(0);
  });

  it('answers the cors: true preflight and accepts the JSON click', async () => {
    const { h, url } = await setup();
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Hi',
      fallback: { after: 1000, unless: 'clicked' },
    });
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-onesignal-event',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-OneSignal-Event/i);
    const res = await withCors(url, {
      event: 'notification.clicked',
      notificationId,
      actionId: '',
    } as { event: string });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await h.nextReport()).toMatchObject({
      decision: 'seen',
      evidence: { events: ['clicked'] },
    });
  });

  it('a display is not a click for unless: clicked, and a dismiss is no evidence', async () => {
    const { h, url } = await setup();
    const { notificationId } = await h.notifier.sendWithFallback({
      externalId: 'chrome',
      contents: 'Hi',
      fallback: { after: 1000, unless: 'clicked' },
    });
    await noCors(url, { event: 'notification.willDisplay', notificationId });
    await noCors(url, { event: 'notification.dismissed', notificationId });
    expect(await h.nextReport()).toMatchObject({
      decision: 'sent-sms',
      evidence: { source: 'view', events: ['shown'] },
    });
  });

  it('refuses bad input with problem+json, and other origins with 403', async () => {
    const { url } = await setup();
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await problemOf(await post('{not json'))).status).toBe(400);
    expect((await problemOf(await post('[1]'))).status).toBe(400);
    expect((await problemOf(await post('{"event":"notification.clicked"}'))).status).toBe(422);
    const mismatch = await post(
      JSON.stringify({ event: 'notification.clicked', notificationId: crypto.randomUUID() }),
      { 'x-onesignal-event': 'notification.willDisplay' },
    );
    expect((await problemOf(mismatch)).status).toBe(422);
    const big = await post(
      JSON.stringify({ event: 'x', notificationId: 'y', pad: 'z'.repeat(5000) }),
    );
    expect((await problemOf(big)).status).toBe(413);
    expect((await problemOf(await post('{}', { 'content-type': 'text/html' }))).status).toBe(415);
    const other = await post('{}', { origin: 'https://evil.example' });
    expect((await problemOf(other)).status).toBe(403);
    const get = await fetch(url, { headers: { origin: ORIGIN } });
    expect((await problemOf(get)).status).toBe(405);
  });

  it('needs a notifier', () => {
    expect(() => createPushEventsHandler({} as never)).toThrow(/notifier/);
  });
});
