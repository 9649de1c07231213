/**
 * Where the service keeps its data, from the configuration: PSF_DATA_DIR alone (JSON Lines
 * consent, a journal of pending fallbacks, idempotency answers; memory rate limits), PostgreSQL for
 * consent (DATABASE_URL), Redis for rate limits, idempotency and BullMQ fallbacks (REDIS_URL).
 * Drivers are optional peers, loaded only when the configuration names their system.
 */
import {
  createRedisIdempotencyStore,
  createRedisRateLimitStore,
  createSqlConsentStore,
  type ConsentStore,
  type FallbackScheduler,
  type IdempotencyStore,
  type Logger,
  type RateLimitStore,
} from '../server/index.js';
import { createJsonLinesConsentStore } from '../server/node.js';
import type { ServiceConfig } from './config.js';
import { dataFiles, lockDataDir } from './data-dir.js';
import { UsageError, within } from './errors.js';
import { createJournalIdempotencyStore } from './journal-idempotency.js';
import { createJournalScheduler } from './journal-scheduler.js';

export interface Probe {
  name: string;
  ping(): Promise<unknown>;
}

export interface Stores {
  consent: ConsentStore & { migrate?(): Promise<number> };
  rateLimit?: RateLimitStore;
  idempotency?: IdempotencyStore;
  /** Only for `serve`. */
  scheduler?: FallbackScheduler;
  probes: Probe[];
  close(): Promise<void>;
}

/** Loads an optional driver, or says which package to install. */
export async function driver<T>(name: string, why: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UsageError(`${why} needs the "${name}" package: npm install ${name}`);
    }
    throw error;
  }
}

interface PgModule {
  default: { Pool: new (o: { connectionString: string; max?: number }) => PgPool };
}
interface PgPool {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', fn: (e: Error) => void): void;
}
interface RedisClient {
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  quit(): Promise<unknown>;
  destroy(): void;
  isReady: boolean;
  on(event: 'error', fn: (e: Error) => void): RedisClient;
}
interface RedisModule {
  createClient(o: { url: string }): RedisClient;
}

export interface OpenOptions {
  logger: Logger;
  /** `serve` owns the data directory and runs the scheduler; commands only read or write consent. */
  serve: boolean;
}

export async function openStores(config: ServiceConfig, options: OpenOptions): Promise<Stores> {
  const closers: (() => Promise<unknown>)[] = [];
  const probes: Probe[] = [];
  const aliasSecret = config.aliasSecret ?? `psf-alias:${config.apiKey}`;
  const close = async (): Promise<void> => {
    for (let fn = closers.pop(); fn; fn = closers.pop()) {
      await within(5000, 'closing a store', fn).catch((error: unknown) =>
        options.logger.warn('Closing a store failed', { error }),
      );
    }
  };
  try {
    const needsDir = !config.databaseUrl || (options.serve && !config.redisUrl);
    if (options.serve && needsDir) closers.push(await lockDataDir(config.dataDir));
    const files = dataFiles(config.dataDir);

    let consent: Stores['consent'];
    if (config.databaseUrl) {
      const pg = await driver<PgModule>('pg', 'DATABASE_URL');
      const pool = new pg.default.Pool({ connectionString: config.databaseUrl, max: 10 });
      pool.on('error', (error) => options.logger.warn('PostgreSQL connection error', { error }));
      closers.push(() => pool.end());
      consent = createSqlConsentStore({
        query: (text, params) => pool.query(text, params as unknown[]),
        aliasSecret,
      });
      probes.push({ name: 'postgresql', ping: () => pool.query('SELECT 1') });
    } else {
      const store = createJsonLinesConsentStore(files.consent);
      closers.push(() => store.close());
      consent = store;
    }

    const stores: Stores = { consent, probes, close };
    if (config.redisUrl && options.serve) {
      const redis = await driver<RedisModule>('redis', 'REDIS_URL');
      const bullmqPackage = await driver<{ createNodeRedisClient(c: unknown): unknown }>(
        'bullmq',
        'REDIS_URL (durable fallbacks)',
      );
      const { createBullMqScheduler } = await import('../server/bullmq.js');
      // node-redis throws client errors unless someone listens; it reconnects by itself.
      const client = redis.createClient({ url: config.redisUrl }).on('error', () => undefined);
      await within(10_000, `Redis at ${new URL(config.redisUrl).host}`, () => client.connect());
      closers.push(async () => (client.isReady ? client.quit() : client.destroy()));
      const sendCommand = (args: string[]) => client.sendCommand(args);
      stores.rateLimit = createRedisRateLimitStore({ sendCommand });
      stores.idempotency = createRedisIdempotencyStore({ sendCommand });
      const scheduler = createBullMqScheduler({
        connection: bullmqPackage.createNodeRedisClient(client) as never,
        logger: options.logger,
      });
      closers.push(() => scheduler.close());
      stores.scheduler = scheduler;
      probes.push({ name: 'redis', ping: () => client.sendCommand(['PING']) });
    } else if (options.serve) {
      const scheduler = await createJournalScheduler(files.fallbacks, options.logger);
      closers.push(() => scheduler.close());
      stores.scheduler = scheduler;
      const idempotency = await createJournalIdempotencyStore(files.idempotency, options.logger);
      closers.push(() => idempotency.close());
      stores.idempotency = idempotency;
      probes.push({ name: 'data-dir', ping: () => scheduler.ping() });
    }
    return stores;
  } catch (error) {
    await close();
    throw error;
  }
}
