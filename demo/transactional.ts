// The demo's "send a transactional message" panel, server side: a notifier with a short
// delivery window against the REST simulator, the web push webhook endpoint the simulated
// browser posts to, and what the sandbox sent. Only mounted when OneSignal is simulated.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createNotifier,
  createPushEventsHandler,
  type FallbackReport,
} from '../src/server/index.js';
import { toNodeHandler } from '../src/server/node.js';
import type { OneSignalSimulator } from './simulators/onesignal-rest.js';

export const DEMO_CUSTOMER = 'demo-customer';
const WINDOW_MS = 20_000;

export interface TransactionalState {
  reports: (FallbackReport & { at: string })[];
  sent: { id: string; channel: string; text: string }[];
}

/** Returns a listener that answers the panel's routes and returns false for any other path. */
export function transactionalDemo(sim: OneSignalSimulator) {
  sim.seedUser({
    identity: { external_id: DEMO_CUSTOMER },
    subscriptions: [{ type: 'ChromePush' }, { type: 'SMS', token: '+15555550123' }],
  });
  const reports: TransactionalState['reports'] = [];
  const notifier = createNotifier({
    appId: sim.appId,
    apiKey: sim.apiKey,
    fetch: sim.fetch,
    onFallback: (report) => void reports.push({ ...report, at: new Date().toISOString() }),
  });
  const pushEvents = toNodeHandler(createPushEventsHandler({ notifier }));
  let order = 1000;

  const reply = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (path === '/api/push-events') {
      pushEvents(req, res);
      return true;
    }
    if (path === '/demo/transactional/send' && req.method === 'POST') {
      const number = ++order;
      void notifier
        .sendWithFallback({
          externalId: DEMO_CUSTOMER,
          headings: 'Acme Coffee',
          contents: `Your order #${number} is ready for pickup`,
          idempotencyKey: `order-${number}-ready`,
          fallback: { after: WINDOW_MS, unless: 'received' },
        })
        .then(
          (result) => reply(res, { ...result, dueAt: Date.now() + WINDOW_MS }),
          (error: Error) => {
            res.writeHead(502, { 'content-type': 'text/plain' });
            res.end(error.message);
          },
        );
      return true;
    }
    if (path === '/demo/transactional/state') {
      const sent = sim
        .state()
        .notifications.map((n) => ({ id: n.id, channel: n.channel, text: n.contents['en'] ?? '' }))
        .filter((n) => n.text.startsWith('Your order #'));
      reply(res, { reports, sent } satisfies TransactionalState);
      return true;
    }
    return false;
  };
}
