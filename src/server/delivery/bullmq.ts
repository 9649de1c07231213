/**
 * Pending fallbacks as BullMQ delayed jobs on Redis. Jobs
 * survive restarts, any number of processes may run workers, and a job whose worker died is
 * picked up again once its lock expires (BullMQ's stalled-job check). Beside each job a hash
 * holds its state (the message, webhook events, cancel, the decision), changed only by the Lua
 * scripts below, so a webhook or a cancel racing the decision is either seen or refused.
 */
import {
  DelayedError,
  Queue,
  RateLimitError,
  Worker,
  type ConnectionOptions,
  type WorkerOptions,
} from 'bullmq';
import { sha256Hex } from '../crypto.js';
import { checkConnectionDriver, persistenceWarnings } from './bullmq-checks.js';
import { safeLogger, type Logger } from '../logger.js';
import { outageReporter } from './connection-outage.js';
import {
  DECIDED_RETENTION_MS,
  VIEW_MESSAGE_LIMIT,
  type DecideFallback,
  type FallbackJob,
  type FallbackScheduler,
  type PushEvent,
  type ScheduleResult,
} from './scheduler.js';

export interface BullMqSchedulerOptions {
  /** BullMQ's `connection`: ioredis options, or a client such as `createNodeRedisClient(…)`. */
  connection: ConnectionOptions;
  /** Default `psf-fallback`. One queue per OneSignal app: the View-message budget is per queue. */
  queueName?: string;
  /** Prefix of this package's own keys (state, budget). Default `psf:`. */
  prefix?: string;
  /**
   * Run a worker in this process (default), with these BullMQ worker options (`concurrency`
   * default 5; `lockDuration`, `stalledInterval`…), or `false` to only schedule (e.g. in a web
   * process, with workers elsewhere).
   */
  worker?: false | Omit<WorkerOptions, 'connection' | 'autorun'>;
  /** Where the start-up check of Redis' persistence warns. Default `console`; `false` silences. */
  logger?: Logger | false;
}

/** Epoch ms on Redis' clock: the one clock every process of the queue shares. */
const REDIS_NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** ARGV[4]: the window left, in ms; `due` is when it ends on Redis' clock. */
const SCHEDULE = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HEXISTS', KEYS[1], 'decision') == 1 then return 'decided' end
  return 'pending'
end
${REDIS_NOW}
redis.call('HSET', KEYS[1], 'job', ARGV[1], 'due', now + tonumber(ARGV[4]))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
return 'scheduled'
`;

/** KEYS[1]: the notification's index key. ARGV: state key prefix, event, time. */
const RECORD_EVENT = `
local id = redis.call('GET', KEYS[1])
if not id then return 0 end
local state = ARGV[1] .. id
if redis.call('EXISTS', state) == 0 or redis.call('HEXISTS', state, 'decision') == 1 then
  return 0
end
redis.call('HSETNX', state, 'event:' .. ARGV[2], ARGV[3])
return 1
`;

const CANCEL = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'decision') == 1
  or redis.call('HEXISTS', KEYS[1], 'committed') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'cancelled', '1')
return 1
`;

/** The SMS is about to go: refused if cancelled, and from now on CANCEL is refused. */
const COMMIT = `
if redis.call('HGET', KEYS[1], 'cancelled') == '1' then return 0 end
redis.call('HSET', KEYS[1], 'committed', '1')
return 1
`;

/** Ms until the window ends on Redis' clock (0 when it has, or for jobs stored without `due`). */
const TIME_LEFT = `
local due = tonumber(redis.call('HGET', KEYS[1], 'due') or '0')
${REDIS_NOW}
return math.max(0, due - now)
`;

/** A sliding-window log (scheduler.ts takeFromWindow) on Redis' clock. */
const TAKE_VIEW = `
${REDIS_NOW}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`;

/**
 * BullMQ honours a manual rate limit (queue.rateLimit + RateLimitError) only when the worker
 * has a limiter (its Lua compares the limiter key with `limiter.max`); this one never binds.
 */
const UNBINDING_LIMITER = { max: 1_000_000_000, duration: 1000 };

export function createBullMqScheduler(options: BullMqSchedulerOptions): FallbackScheduler {
  if (!options?.connection) {
    throw new TypeError('createBullMqScheduler: connection is required (BullMQ connection)');
  }
  checkConnectionDriver(options.connection);
  const queueName = options.queueName ?? 'psf-fallback';
  const prefix = `${options.prefix ?? 'psf:'}${queueName}:`;
  const stateKey = (id: string) => `${prefix}state:${id}`;
  const indexKey = (notificationId: string) => `${prefix}by-notification:${notificationId}`;
  const queue = new Queue(queueName, { connection: options.connection });
  const logger = safeLogger(options.logger, []);
  // Without listeners BullMQ prints each failed reconnect to the console; it reconnects itself.
  const outage = outageReporter(logger, 'BullMQ: Redis');
  queue.on('error', outage.error);
  queue.getBackend().on('ready', outage.ready);
  let worker: Worker | undefined;

  const ready = (async () => {
    const client = await queue.getBackend().client;
    client.defineCommand('psfSchedule', { numberOfKeys: 2, lua: SCHEDULE });
    client.defineCommand('psfRecordEvent', { numberOfKeys: 1, lua: RECORD_EVENT });
    client.defineCommand('psfCancel', { numberOfKeys: 1, lua: CANCEL });
    client.defineCommand('psfCommit', { numberOfKeys: 1, lua: COMMIT });
    client.defineCommand('psfTakeView', { numberOfKeys: 1, lua: TAKE_VIEW });
    client.defineCommand('psfTimeLeft', { numberOfKeys: 1, lua: TIME_LEFT });
    try {
      for (const warning of persistenceWarnings(await client.info())) logger.warn(warning);
    } catch (error) {
      logger.warn('Could not read Redis INFO to check persistence (appendonly, noeviction)', {
        error,
      });
    }
    return client;
  })();
  // Reported by the first call that needs the client; not an unhandled rejection meanwhile.
  ready.catch(() => undefined);

  const jobIdOf = async (key: string) => `fb-${await sha256Hex(key)}`;

  async function run(decide: DecideFallback, id: string): Promise<'done' | 'retry' | number> {
    const client = await ready;
    const state = await client.hgetall(stateKey(id));
    if (!state['job'] || state['decision']) return 'done';
    // BullMQ promotes delayed jobs on the worker's clock, early if it runs ahead: wait out the
    // rest of the window, measured on Redis' clock (re-delayed by a span, which skew leaves exact).
    const left = Number(await client.runCommand('psfTimeLeft', [stateKey(id)]));
    if (left > 0) return left;
    const job = JSON.parse(state['job']) as FallbackJob;
    const events = (['shown', 'clicked'] as const)
      .filter((e) => state[`event:${e}`] !== undefined)
      .sort((a, b) => Number(state[`event:${a}`]) - Number(state[`event:${b}`]));
    const outcome = await decide(job, {
      cancelled: state['cancelled'] === '1',
      events,
      commit: async () => (await client.runCommand('psfCommit', [stateKey(id)])) === 1,
    });
    if (outcome.done) {
      await client.hset(stateKey(id), { decision: String(Date.now()) });
      await outcome.report();
      return 'done';
    }
    if (outcome.rateLimited) {
      await queue.rateLimit(outcome.retryInMs);
      return 'retry';
    }
    return outcome.retryInMs;
  }

  return {
    start(decide) {
      if (options.worker === false || worker) return;
      worker = new Worker(
        queueName,
        async (job, token) => {
          const next = await run(decide, String(job.data.id));
          if (next === 'retry') throw new RateLimitError();
          if (typeof next === 'number') {
            await job.moveToDelayed(Date.now() + next, token);
            throw new DelayedError();
          }
        },
        {
          concurrency: 5,
          ...options.worker,
          limiter: UNBINDING_LIMITER,
          connection: options.connection,
        },
      );
      worker.on('error', outage.error);
      worker.getBackend().on('ready', outage.ready);
    },
    async schedule(job): Promise<ScheduleResult> {
      const client = await ready;
      const jobId = await jobIdOf(job.idempotencyKey);
      const id = jobId.slice(3);
      // A span, not an instant: this process's clock may differ from the workers'.
      const windowLeft = Math.max(0, job.dueAt - Date.now());
      const ttl = windowLeft + DECIDED_RETENTION_MS;
      const result = (await client.runCommand('psfSchedule', [
        stateKey(id),
        indexKey(job.notificationId),
        JSON.stringify(job),
        String(ttl),
        id,
        String(windowLeft),
      ])) as ScheduleResult;
      // Also for `pending`: the add is a no-op while the job exists (same jobId), and restores
      // a job lost between the state write and the add.
      if (result !== 'decided') {
        await queue.add(
          'fallback',
          { id },
          {
            jobId,
            delay: windowLeft,
            removeOnComplete: true,
            removeOnFail: { age: 7 * 24 * 3600 },
            attempts: 5,
            backoff: { type: 'exponential', delay: 5000 },
          },
        );
      }
      return result;
    },
    async cancel(key) {
      const client = await ready;
      const id = (await jobIdOf(key)).slice(3);
      return (await client.runCommand('psfCancel', [stateKey(id)])) === 1;
    },
    async recordEvent(notificationId, event: PushEvent) {
      const client = await ready;
      const reply = await client.runCommand('psfRecordEvent', [
        indexKey(notificationId),
        `${prefix}state:`,
        event,
        String(Date.now()),
      ]);
      return reply === 1;
    },
    async takeViewToken() {
      const client = await ready;
      const reply = (await client.runCommand('psfTakeView', [
        `${prefix}view-budget`,
        String(VIEW_MESSAGE_LIMIT.limit),
        String(VIEW_MESSAGE_LIMIT.windowMs),
        crypto.randomUUID(),
      ])) as [number, number];
      return { allowed: Number(reply[0]) === 1, retryAfterMs: Number(reply[1]) };
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
