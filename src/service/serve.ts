/**
 * `push-sms-fallback serve`: the library's handlers on Node's http server, with the service's
 * stores, logs and metrics; SIGTERM/SIGINT drain it and exit 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  createNotifier,
  createPushEventsHandler,
  createSmsFallbackHandler,
} from '../server/index.js';
import { toNodeHandler } from '../server/node.js';
import { assetHandler, loadAssets } from './assets.js';
import { describeConfig, type ServiceConfig } from './config.js';
import type { ServiceLogger } from './log.js';
import { countingFetch, createMetrics } from './metrics.js';
import { createNotifyApi } from './notify-api.js';
import { UsageError } from './errors.js';
import { createRoutes } from './routes.js';
import { openStores } from './stores.js';

/** Requests in flight get this long to finish after SIGTERM; then connections are cut. */
const DRAIN_MS = 20_000;

export async function serve(config: ServiceConfig, logger: ServiceLogger): Promise<void> {
  const started = performance.now();
  const metrics = createMetrics();
  const stores = await openStores(config, { logger, serve: true });
  const fetchOneSignal = countingFetch(metrics);
  const subscribe = createSmsFallbackHandler({
    appId: config.appId,
    apiKey: config.apiKey,
    allowedOrigins: config.allowedOrigins,
    apiBaseUrl: config.apiUrl,
    fetch: fetchOneSignal,
    aliasSecret: config.aliasSecret,
    consentStore: stores.consent,
    idempotencyStore: stores.idempotency,
    rateLimit: stores.rateLimit ? { store: stores.rateLimit } : undefined,
    logger,
  });
  const notifier = createNotifier({
    appId: config.appId,
    apiKey: config.apiKey,
    apiBaseUrl: config.apiUrl,
    fetch: fetchOneSignal,
    scheduler: stores.scheduler,
    logger,
    onFallback: (report) => {
      metrics.fallbackDecision(report.decision);
      logger.info('Fallback decided', {
        idempotencyKey: report.idempotencyKey,
        decision: report.decision,
      });
    },
  });
  const distDir = fileURLToPath(new URL('../', import.meta.url));
  let draining = false;
  const routes = createRoutes({
    subscribe,
    pushEvents: createPushEventsHandler({ notifier, logger }),
    notify: config.notifyToken
      ? createNotifyApi(notifier, config.notifyToken, metrics, logger)
      : null,
    assets: assetHandler(await loadAssets(distDir)),
    probes: stores.probes,
    metrics,
    logger,
    draining: () => draining,
  });
  const app = async (request: Request): Promise<Response> => {
    const t0 = performance.now();
    let response: Response;
    try {
      response = await routes(request);
    } catch (error) {
      logger.error('Unexpected error', { error });
      response = Response.json({ title: 'server-error', status: 500 }, { status: 500 });
    }
    const { pathname } = new URL(request.url);
    if (pathname !== '/healthz' && pathname !== '/metrics') {
      logger.request({
        method: request.method,
        path: pathname.startsWith('/api/notify/') ? '/api/notify/{key}' : pathname,
        status: response.status,
        ms: Math.round(performance.now() - t0),
      });
    }
    if (draining) response.headers.set('connection', 'close');
    return response;
  };

  const server = createServer(toNodeHandler(app, { trustProxy: config.trustProxy }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await stores.close();
    throw error.code === 'EADDRINUSE' || error.code === 'EACCES'
      ? new UsageError(`Cannot listen on port ${config.port} (${error.code}): set PORT`)
      : error;
  });
  const stop = async (signal: string): Promise<void> => {
    if (draining) return;
    draining = true;
    logger.info('Stopping: finishing requests in flight', { signal });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(cut);
    await stores.close();
    logger.info('Stopped');
    await logger.end();
    process.exit(0);
  };
  // Before "Listening": a supervisor may send SIGTERM as soon as it reads that line.
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const address = server.address() as AddressInfo;
  logger.listening({
    ...describeConfig(config),
    url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`,
    startupMs: Math.round(performance.now() - started),
  });
}
