// The demo's "send a transactional message" panel, server side: a notifier with a short
// delivery window against the REST simulator, the web push webhook endpoint the simulated
// browser posts to, and what the sandbox sent. Only mounted when OneSignal is simulated.
// Messages go to the visitor on screen (their external id, demo/visitor.ts), and the panel shows
// only that visitor's messages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createNotifier,
  createPushEventsHandler,
  type FallbackReport,
} from '../src/server/index.js';
import { toNodeHandler } from '../src/server/node.js';
import type { OneSignalSimulator } from './simulators/onesignal-rest.js';
import { visitorFrom } from './visitor.js';

const WINDOW_MS = 20_000;

export interface TransactionalState {
  reports: (FallbackReport & { at: string })[];
  sent: { id: string; channel: string; text: string }[];
}

/** What the page's OneSignal knows of the visitor's browser: its push token, and whether push is on. */
export interface VisitorPush {
  token: string;
  subscribed: boolean;
}

const readJson = (req: IncomingMessage) =>
  new Promise<unknown>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text ? JSON.parse(text) : null));
  });

/** Returns a listener that answers the panel's routes and returns false for any other path. */
export function transactionalDemo(sim: OneSignalSimulator) {
  const reports: TransactionalState['reports'] = [];
  /** Whose each send was (idempotency key → visitor id). */
  const owners = new Map<string, string>();
  const notifier = createNotifier({
    appId: sim.appId,
    apiKey: sim.apiKey,
    fetch: sim.fetch,
    onFallback: (report) => void reports.push({ ...report, at: new Date().toISOString() }),
  });
  const pushEvents = toNodeHandler(createPushEventsHandler({ notifier }));
  let order = 1000;

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  // The page SDK's part, which the simulated one cannot play: a real one puts the browser's push
  // subscription on the visitor's OneSignal user (after `OneSignal.login`), and marks it off once
  // permission is gone. The same upsert, sent to the REST simulator.
  const syncPush = (visitor: string, push: VisitorPush) =>
    sim.fetch(`https://api.onesignal.com/apps/${sim.appId}/users`, {
      method: 'POST',
      headers: { authorization: `Key ${sim.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        identity: { external_id: visitor },
        subscriptions: [{ type: 'ChromePush', token: push.token, enabled: push.subscribed }],
      }),
    });

  /** The ids of the visitor's subscriptions (push and SMS) in the simulator. */
  const subscriptionsOf = (visitor: string) =>
    new Set(
      sim
        .state()
        .users.filter((u) => u.identity['external_id'] === visitor)
        .flatMap((u) => u.subscriptions.map((s) => s.id)),
    );

  async function send(req: IncomingMessage, res: ServerResponse, visitor: string) {
    const body = (await readJson(req)) as { push?: VisitorPush | null } | null;
    if (body?.push?.token) await syncPush(visitor, body.push);
    const number = ++order;
    const idempotencyKey = `order-${number}-ready`;
    owners.set(idempotencyKey, visitor);
    try {
      const result = await notifier.sendWithFallback({
        externalId: visitor,
        headings: 'Acme Coffee',
        contents: `Your order #${number} is ready for pickup`,
        idempotencyKey,
        fallback: { after: WINDOW_MS, unless: 'received' },
      });
      reply(res, 200, { ...result, dueAt: Date.now() + WINDOW_MS });
    } catch (error) {
      reply(res, 502, { error: (error as Error).message });
    }
  }

  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (path === '/api/push-events') {
      pushEvents(req, res);
      return true;
    }
    if (!path.startsWith('/demo/transactional/')) return false;
    const visitor = visitorFrom(req.headers.cookie);
    if (!visitor) {
      reply(res, 400, { error: 'No visitor: reload the demo page.' });
      return true;
    }
    if (path === '/demo/transactional/send' && req.method === 'POST') {
      void send(req, res, visitor);
      return true;
    }
    if (path === '/demo/transactional/state') {
      const theirs = subscriptionsOf(visitor);
      const sent = sim
        .state()
        .notifications.filter((n) => n.recipients.some((id) => theirs.has(id)))
        .map((n) => ({ id: n.id, channel: n.channel, text: n.contents['en'] ?? '' }))
        .filter((n) => n.text.startsWith('Your order #'));
      reply(res, 200, {
        reports: reports.filter((r) => owners.get(r.idempotencyKey) === visitor),
        sent,
      } satisfies TransactionalState);
      return true;
    }
    return false;
  };
}
