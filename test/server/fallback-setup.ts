// A notifier with a delivery window against the REST simulator on loopback, for the fallback tests.
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';
import {
  createMemoryScheduler,
  createNotifier,
  type FallbackReport,
  type FallbackScheduler,
  type Notifier,
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
): FallbackScheduler {
  return createBullMqScheduler({
    connection: createNodeRedisClient(createClient({ url: redisUrl })),
    queueName: `t-${crypto.randomUUID()}`,
    ...extra,
  });
}

export interface FallbackHarness {
  sim: OneSignalSimulator;
  notifier: Notifier;
  reports: FallbackReport[];
  logger: ReturnType<typeof captureLogger>;
  /** Resolves with the next report (rejects after `ms`). */
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
): Promise<FallbackHarness> {
  const served = await sim.listen();
  const logger = captureLogger();
  const reports: FallbackReport[] = [];
  const waiting: ((r: FallbackReport) => void)[] = [];
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
      waiting.shift()?.(report);
    },
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
    nextReport: (ms = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no fallback report in ${ms} ms`)), ms);
        waiting.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      }),
    smsSent: () => sim.state().notifications.filter((n) => n.channel === 'sms').length,
    viewRequests: () =>
      sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/notifications/')).length,
  };
}
