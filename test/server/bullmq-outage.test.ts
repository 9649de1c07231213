// Redis restarts under a running BullMQ scheduler: BullMQ's Queue and Worker emit an error for
// every failed reconnect. The operator gets one line when the connection is lost and one when it
// is back, through the scheduler's logger, instead of a console flood.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { captureLogger, cleanup, onCleanup } from './helpers.js';
import { bullmq } from './fallback-setup.js';
import { startRedisServer } from './redis-server.js';
import { until } from './service-process.js';

afterEach(cleanup);

describe('createBullMqScheduler while Redis restarts', () => {
  it('logs the outage once and its end once, and prints nothing to the console', async () => {
    let redis = await startRedisServer();
    onCleanup(async () => redis.stop());
    const logger = captureLogger();
    const scheduler = bullmq(redis.url, { logger });
    onCleanup(() => scheduler.close());
    scheduler.start(async () => ({ done: true, report: async () => undefined }));
    expect(await scheduler.takeViewToken()).toMatchObject({ allowed: true });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onCleanup(async () => void consoleError.mockRestore());

    // A client of our own, to know when several reconnects have failed.
    let failures = 0;
    const watcher = createClient({ url: redis.url }).on('error', () => (failures += 1));
    await watcher.connect();
    onCleanup(async () => {
      if (watcher.isReady) await watcher.quit();
      else watcher.destroy();
    });

    const exited = new Promise((resolve) => redis.process.once('exit', resolve));
    redis.stop();
    await exited;
    await until('several failed reconnects', () => failures >= 4);
    const lost = () =>
      logger.lines.filter((l) => l.level === 'warn' && /Redis connection lost/.test(l.message));
    await until('the outage to be logged', () => lost().length > 0);

    redis = await startRedisServer({ port: redis.port });
    await until('the reconnect to be logged', () =>
      logger.lines.some((l) => l.level === 'info' && /Redis connection back/.test(l.message)),
    );
    expect(lost()).toHaveLength(1);
    expect(consoleError).not.toHaveBeenCalled();
    expect(await scheduler.takeViewToken()).toMatchObject({ allowed: true });
  }, 40_000);
});
