/** The service's routes (contract §7) as one Fetch handler over the library's handlers. */
import type { Logger } from '../server/index.js';
import type { AssetHandler } from './assets.js';
import { within } from './errors.js';
import { registrationOutcome, type Metrics } from './metrics.js';
import { problemResponse } from './notify-api.js';
import type { Probe } from './stores.js';

/** `/readyz` answers 503 when a store is slower than this. */
export const READY_DEADLINE_MS = 2000;

export interface RouteDeps {
  subscribe: (request: Request) => Promise<Response>;
  pushEvents: (request: Request) => Promise<Response>;
  /** Null when PSF_NOTIFY_TOKEN is unset: the notify API does not exist. */
  notify: ((request: Request, key: string | null) => Promise<Response>) | null;
  assets: AssetHandler;
  probes: Probe[];
  metrics: Metrics;
  logger: Logger;
  /** True once SIGTERM arrived: /readyz says so, so load balancers stop sending. */
  draining: () => boolean;
}

async function readiness(deps: RouteDeps): Promise<Response> {
  if (deps.draining()) return Response.json({ ready: false, draining: true }, { status: 503 });
  const results = await Promise.all(
    deps.probes.map(async (p) => {
      const started = performance.now();
      try {
        await within(READY_DEADLINE_MS, p.name, () => p.ping());
        return { name: p.name, ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { name: p.name, ok: false, error: (error as Error).message };
      }
    }),
  );
  const ready = results.every((r) => r.ok);
  if (!ready) deps.logger.warn('Not ready', { stores: results.filter((r) => !r.ok) });
  return Response.json(
    { ready, stores: results },
    { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}

export function createRoutes(deps: RouteDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/sms-subscribe') {
      const started = performance.now();
      const response = await deps.subscribe(request);
      if (request.method === 'POST') {
        const outcome = registrationOutcome(response.status);
        deps.metrics.registration(outcome, (performance.now() - started) / 1000);
      }
      return response;
    }
    if (path === '/api/push-events') return deps.pushEvents(request);
    if (path === '/api/notify' || path.startsWith('/api/notify/')) {
      if (!deps.notify) {
        return problemResponse('not-found', 404, 'The notify API is off: set PSF_NOTIFY_TOKEN.');
      }
      let key: string | null = null;
      try {
        if (path !== '/api/notify') key = decodeURIComponent(path.slice('/api/notify/'.length));
      } catch {
        return problemResponse('bad-request', 400, 'The key is not valid percent-encoding.');
      }
      return deps.notify(request, key);
    }
    if (path === '/healthz')
      return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
    if (path === '/readyz') return readiness(deps);
    if (path === '/metrics') {
      const { text, contentType } = await deps.metrics.render();
      return new Response(text, {
        headers: { 'content-type': contentType, 'cache-control': 'no-store' },
      });
    }
    if (path.startsWith('/assets/')) return deps.assets(request, path.slice('/assets/'.length));
    return problemResponse('not-found', 404, 'No such route.');
  };
}
