/**
 * Checks createBullMqScheduler makes of what it is given: the Redis driver (at creation) and
 * Redis' persistence (when it first connects), so a setup that would hang or lose fallbacks
 * says so instead.
 */
import { createRequire } from 'node:module';
import { RedisConnection, type ConnectionOptions } from 'bullmq';

/**
 * BullMQ builds an ioredis client from connection options, and only fails (in the background,
 * so callers wait forever) when `ioredis` is missing: say so at creation instead.
 */
export function checkConnectionDriver(connection: ConnectionOptions): void {
  const c = connection as Record<string, unknown>;
  const isClient = ['sendCommand', 'defineCommand', 'runCommand', 'send'].some(
    (m) => typeof c[m] === 'function',
  );
  if (isClient || RedisConnection.clientFactory) return;
  try {
    createRequire(import.meta.url).resolve('ioredis');
  } catch {
    throw new TypeError(
      "createBullMqScheduler: connection options need the 'ioredis' package, which is not " +
        'installed: npm install ioredis, or pass a client, e.g. ' +
        'createNodeRedisClient(createClient({ url })) with node-redis',
    );
  }
}

/**
 * Pending fallbacks are only as durable as Redis: without an append-only file a restart loses
 * them (0 SMS, no onFallback), and an evicting Redis drops them under memory pressure.
 */
export function persistenceWarnings(info: string): string[] {
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
  const warnings: string[] = [];
  if (field('aof_enabled') !== '1') {
    warnings.push(
      'Redis runs without an append-only file (appendonly no): pending fallbacks are lost if ' +
        'Redis restarts (no SMS, no onFallback). Set appendonly yes (BullMQ needs it to keep jobs).',
    );
  }
  const policy = field('maxmemory_policy');
  if (policy !== undefined && policy !== 'noeviction') {
    warnings.push(
      `Redis may evict keys (maxmemory-policy ${policy}): pending fallbacks can vanish under ` +
        'memory pressure. Set maxmemory-policy noeviction (BullMQ needs it).',
    );
  }
  return warnings;
}
