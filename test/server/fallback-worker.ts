// A worker process for fallback-workers.test.ts (bundled by it with esbuild, so a child starts
// fast on a busy machine): decides fallbacks from a BullMQ queue, prints each report as JSON.
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';
import { createNotifier } from '../../src/server/index.js';
import { createBullMqScheduler } from '../../src/server/bullmq.js';
import { SIMULATOR_API_KEY, SIMULATOR_APP_ID } from '../../demo/simulators/onesignal-rest.js';

// A machine whose clock is off (CLOCK_SKEW_MS ahead): BullMQ and this package read Date.now.
const skew = Number(process.env['CLOCK_SKEW_MS'] ?? 0);
if (skew) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + skew;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const notifier = createNotifier({
  appId: SIMULATOR_APP_ID,
  apiKey: SIMULATOR_API_KEY,
  apiBaseUrl: env('SIM_URL'),
  retryBaseDelayMs: 1,
  logger: false,
  scheduler: createBullMqScheduler({
    connection: createNodeRedisClient(
      createClient({ url: env('REDIS_URL') }).on('error', () => undefined),
    ),
    queueName: env('QUEUE'),
    worker: { lockDuration: 1500, stalledInterval: 1000, concurrency: 5 },
  }),
  onFallback: (report) => void process.stdout.write(`${JSON.stringify(report)}\n`),
});
process.on('SIGTERM', () => void notifier.close().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
