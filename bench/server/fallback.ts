// `npm run bench:fallback`: delivery-window numbers on a real redis-server and BullMQ, against
// the OneSignal REST simulator (in process, with OneSignal's View-message limit).
// 1. Decision lag after `after` (median, p99) with 1,000 pending fallbacks on one Redis.
// 2. Fallbacks per hour one OneSignal app can decide: by polling View message alone, and with
//    web push webhooks deciding the pushes that were shown.
// Figures on a shared machine are noisy: compare them side by side within one run.
import { createNodeRedisClient } from 'bullmq';
import { createClient } from 'redis';
import { createNotifier, type FallbackReport } from '../../src/server/index.js';
import { createBullMqScheduler } from '../../src/server/bullmq.js';
import { VIEW_MESSAGE_LIMIT } from '../../src/server/delivery/scheduler.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { startRedisServer } from '../../test/server/redis-server.js';

const PENDING = 1000;
const POLLED = 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const redis = await startRedisServer();
const clients: ReturnType<typeof createClient>[] = [];

/** A notifier with its own queue and a worker in this process; reports land in `decided`. */
function setup() {
  const sim = createOneSignalSimulator({ logLimit: 100 });
  sim.seedUser({
    identity: { external_id: 'chrome' },
    subscriptions: [{ type: 'ChromePush' }, { type: 'SMS', token: '+447400123456' }],
  });
  const client = createClient({ url: redis.url }).on('error', () => undefined);
  clients.push(client);
  const decided = new Map<string, number>();
  const notifier = createNotifier({
    appId: sim.appId,
    apiKey: sim.apiKey,
    fetch: sim.fetch,
    logger: false,
    scheduler: createBullMqScheduler({
      connection: createNodeRedisClient(client),
      queueName: `bench-${crypto.randomUUID()}`,
      worker: { concurrency: 10 },
    }),
    onFallback: (r: FallbackReport) => void decided.set(r.idempotencyKey, Date.now()),
  });
  return { sim, notifier, decided };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** Schedules `count` fallbacks; `dueAt(i)` ms from now; `shown` ones get a display webhook. */
async function run(count: number, dueIn: (i: number) => number, shown: (i: number) => boolean) {
  const { notifier, decided } = setup();
  const due = new Map<string, number>();
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    const key = `k-${i}`;
    const after = Math.max(1000, dueIn(i) - (Date.now() - start));
    const { notificationId } = await notifier.sendWithFallback({
      externalId: 'chrome',
      contents: `Message ${i}`,
      idempotencyKey: key,
      fallback: { after, unless: 'received' },
    });
    due.set(key, Date.now() + after);
    if (shown(i)) await notifier.recordPushEvent(notificationId ?? '', 'shown');
  }
  const scheduledIn = Date.now() - start;
  await waitFor(() => decided.size >= count, 10 * 60_000);
  await notifier.close();
  const lags = [...decided].map(([key, at]) => at - (due.get(key) ?? at));
  const firstDue = Math.min(...due.values());
  const lastDecided = Math.max(...decided.values());
  return { lags, scheduledIn, spanMs: lastDecided - firstDue };
}

const line = (label: string, lags: number[]) =>
  console.log(
    `  ${label}: median ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${Math.max(...lags)} ms`,
  );

console.log(`Decision lag after \`after\`, ${PENDING} pending fallbacks on one Redis (BullMQ):`);
// All pending at once, due over 20 s, decided by webhooks: the scheduler's own lag.
const spread = await run(
  PENDING,
  (i) => 25_000 + i * 20,
  () => true,
);
console.log(`  (scheduling ${PENDING} took ${spread.scheduledIn} ms)`);
line('due over 20 s (50/s), webhook evidence', spread.lags);
// All due in the same second: the worker's throughput shows in the tail.
const burst = await run(
  PENDING,
  () => 25_000,
  () => true,
);
line('all due at once, webhook evidence', burst.lags);
const perSecond = (PENDING / burst.spanMs) * 1000;
console.log(`  → one worker (concurrency 10) decides ${perSecond.toFixed(0)} fallbacks/s`);

console.log(`\nPolling View message (${POLLED} due at once, no webhooks):`);
const polled = await run(
  POLLED,
  () => 3000,
  () => false,
);
line('lag', polled.lags);
const measuredRate = ((POLLED - VIEW_MESSAGE_LIMIT.limit) / (polled.spanMs / 1000 - 0)) * 3600;
const budget = (VIEW_MESSAGE_LIMIT.limit / VIEW_MESSAGE_LIMIT.windowMs) * 3_600_000;

console.log('\nFallbacks per hour one OneSignal app can decide:');
console.log(
  `  by polling alone: ${budget.toFixed(0)}/h (View message budget ${VIEW_MESSAGE_LIMIT.limit} per ${VIEW_MESSAGE_LIMIT.windowMs / 1000} s); measured after the burst ≈ ${measuredRate.toFixed(0)}/h`,
);
for (const share of [0.5, 0.8, 0.95]) {
  const withHooks = Math.min(budget / (1 - share), perSecond * 3600);
  console.log(
    `  with webhooks deciding ${share * 100}% (pushes shown on Chrome/Firefox): ${withHooks.toFixed(0)}/h (only the rest polls)`,
  );
}
console.log(`  webhooks only, bounded by the worker: ${(perSecond * 3600).toFixed(0)}/h`);

for (const client of clients) if (client.isOpen) await client.quit();
redis.stop();
