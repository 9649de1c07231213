// `npm run bench:fallback-lag`: how late BullMQ decides, with 1,000 fallbacks pending on one
// redis-server (loopback, append-only file on, as docs/server.md asks) and due within a few
// seconds of each other. Lag = decision (onFallback) − due time, both on this machine's clock.
// Every push gets a display webhook, so decisions need no View-message call: the figures are
// the scheduler's own lag, not OneSignal's 1 request/s budget. Bounded: exits 1 after 100 s.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';
import { createNotifier } from '../../src/server/index.js';
import { createBullMqScheduler } from '../../src/server/bullmq.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { startRedisServer } from '../../test/server/redis-server.js';

const PENDING = 1000;
/** All are due within this window, which starts once every fallback is scheduled. */
const DUE_WITHIN_MS = 5000;
/** Room to schedule all of them before the first is due. */
const LEAD_MS = 20_000;
const SEND_CONCURRENCY = 20;
const BOUND_MS = 100_000;

const bound = setTimeout(() => {
  console.error(`fallback-lag: not finished within ${BOUND_MS / 1000} s; giving up`);
  process.exit(1);
}, BOUND_MS);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const dir = await mkdtemp(join(tmpdir(), 'psf-bench-redis-'));
const redis = await startRedisServer({
  persistence: ['--save', '', '--appendonly', 'yes', '--dir', dir],
});
const sim = createOneSignalSimulator({ logLimit: 100 });
const served = await sim.listen();
sim.seedUser({
  identity: { external_id: 'chrome' },
  subscriptions: [{ type: 'ChromePush' }, { type: 'SMS', token: '+447400123456' }],
});
const client = createClient({ url: redis.url }).on('error', () => undefined);
const decidedAt = new Map<string, number>();
const notifier = createNotifier({
  appId: sim.appId,
  apiKey: sim.apiKey,
  apiBaseUrl: served.url,
  logger: false,
  scheduler: createBullMqScheduler({
    connection: createNodeRedisClient(client),
    queueName: `bench-lag-${crypto.randomUUID()}`,
    worker: { concurrency: 10 },
    logger: false,
  }),
  onFallback: (report) => void decidedAt.set(report.idempotencyKey, Date.now()),
});

console.log(
  `Fallback decision lag: ${PENDING} pending on one Redis (BullMQ, one worker, concurrency 10)`,
);
console.log(`  load average before (1/5/15 min, ${cpus().length} cores): ${load()}`);
const firstDue = Date.now() + LEAD_MS;
const dueAt = new Map<string, number>();
let next = 0;
async function sender(): Promise<void> {
  for (let i = next++; i < PENDING; i = next++) {
    const key = `lag-${i}`;
    const due = firstDue + Math.floor((i * DUE_WITHIN_MS) / PENDING);
    const calledAt = Date.now();
    const after = Math.max(1000, due - calledAt);
    const { notificationId } = await notifier.sendWithFallback({
      externalId: 'chrome',
      contents: `Message ${i}`,
      idempotencyKey: key,
      fallback: { after, unless: 'received' },
    });
    // The notifier's own due is a little later (it starts the window once the push is sent), so
    // this overstates the lag by the push's round trip and can never make it negative.
    dueAt.set(key, calledAt + after);
    await notifier.recordPushEvent(notificationId ?? '', 'shown');
  }
}
const scheduling = Date.now();
await Promise.all(Array.from({ length: SEND_CONCURRENCY }, sender));
console.log(`  scheduled in ${Date.now() - scheduling} ms; due over ${DUE_WITHIN_MS / 1000} s`);

while (decidedAt.size < PENDING) await new Promise((resolve) => setTimeout(resolve, 50));
const lags = [...decidedAt].map(([key, at]) => at - (dueAt.get(key) ?? at)).sort((a, b) => a - b);
console.log(
  `  lag (decision − due): p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, ` +
    `min ${lags[0]} ms, max ${lags.at(-1)} ms (${lags.length} decided, ` +
    `${lags.filter((l) => l < 0).length} before due)`,
);
console.log(`  load average after: ${load()}`);

await notifier.close();
if (client.isOpen) await client.quit();
await served.close();
redis.stop();
await rm(dir, { recursive: true, force: true });
clearTimeout(bound);
