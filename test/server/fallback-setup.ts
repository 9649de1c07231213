// A notifier with a delivery window against the REST simulator on loopback, for the fallback tests.
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';
import {
  createMemoryScheduler,
  createNotifier,
  type FallbackReport,
  type FallbackScheduler,
  type Notifier,
  type NotifierOptions,
} from '../../src/server/index.js';
import { createBullMqScheduler, type BullMqSchedulerOptions } from '../../src/server/bullmq.js';
import {
  createOneSignalSimulator,
  type OneSignalSimulator,
  type SimulatorOptions,
} from '../../demo/simulators/onesignal-rest.js';
import { captureLogger, onCleanup } from './helpers.js';

export type SchedulerFactory = () => FallbackScheduler;

export const memory: SchedulerFactory = () => createMemoryScheduler({ logger: false });

/** A BullMQ scheduler on its own queue, so tests never see each other's jobs. */
export function bullmq(
  redisUrl: string,
  extra: Partial<BullMqSchedulerOptions> = {},
  clientOptions: { disableOfflineQueue?: boolean } = {},
): FallbackScheduler {
  // node-redis throws client errors unless someone listens; BullMQ reconnects by itself.
  const client = createClient({ url: redisUrl, ...clientOptions }).on('error', () => undefined);
  // Runs after the notifier's close (cleanups run last-registered first): BullMQ leaves a
  // client it was given open.
  onCleanup(async () => {
    // QUIT would wait for a Redis that is down: drop such a client instead.
    if (client.isReady) await client.quit();
    else if (client.isOpen) client.destroy();
  });
  return createBullMqScheduler({
    connection: createNodeRedisClient(client),
    queueName: `t-${crypto.randomUUID()}`,
    ...extra,
  });
}

export interface FallbackHarness {
  sim: OneSignalSimulator;
  notifier: Notifier;
  reports: FallbackReport[];
  logger: ReturnType<typeof captureLogger>;
  /** The next report not yet taken, waiting up to `ms` for it. */
  nextReport(ms?: number): Promise<FallbackReport>;
  /** OneSignal creates that made a new SMS (replays excluded). */
  smsSent(): number;
  viewRequests(): number;
}

/** Users: `chrome` (Chrome push + SMS), `safari` (Safari push + SMS), `push-only`, `sms-only`. */
export async function startFallbackHarness(
  scheduler: FallbackScheduler,
  simOptions: SimulatorOptions = {},
  sim: OneSignalSimulator = createOneSignalSimulator(simOptions),
  notifierOptions: Partial<NotifierOptions> = {},
): Promise<FallbackHarness> {
  const served = await sim.listen();
  const logger = captureLogger();
  const reports: FallbackReport[] = [];
  let taken = 0;
  const notifier = createNotifier({
    appId: sim.appId,
    apiKey: sim.apiKey,
    apiBaseUrl: served.url,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 200,
    logger,
    scheduler,
    onFallback: (report) => {
      reports.push(report);
    },
    ...notifierOptions,
  });
  onCleanup(async () => {
    await notifier.close();
    await served.close();
  });
  sim.seedUser({
    identity: { external_id: 'chrome' },
    subscriptions: [{ type: 'ChromePush' }, { type: 'SMS', token: '+447400123456' }],
  });
  sim.seedUser({
    identity: { external_id: 'safari' },
    subscriptions: [{ type: 'SafariPush' }, { type: 'SMS', token: '+447400123457' }],
  });
  sim.seedUser({ identity: { external_id: 'push-only' }, subscriptions: [{ type: 'ChromePush' }] });
  sim.seedUser({
    identity: { external_id: 'sms-only' },
    subscriptions: [{ type: 'SMS', token: '+447400123458' }],
  });
  return {
    sim,
    notifier,
    reports,
    logger,
    async nextReport(ms = 15_000) {
      const deadline = Date.now() + ms;
      while (reports.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no fallback report in ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return reports[taken++] as FallbackReport;
    },
    smsSent: () => sim.state().notifications.filter((n) => n.channel === 'sms').length,
    viewRequests: () =>
      sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/notifications/')).length,
  };
}
