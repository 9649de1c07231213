import type { RateLimitStore } from '../registration/rate-limit.js';
import { checkSendCommand, type RedisStoreOptions } from './command.js';

/**
 * The token bucket of token-bucket.ts in Lua, run with EVAL so that read-refill-take-write is one
 * atomic step on the server, whatever number of handler instances share it. Redis' own clock
 * (TIME) is used so instances with skewed clocks agree. Fractional tokens travel as strings
 * because Redis truncates Lua numbers to integers in replies.
 */
const SCRIPT = `
local capacity = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local rate = capacity / interval
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then
  tokens = capacity
else
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(interval))
return { allowed, math.floor(tokens), wait }
`;

/** A rate-limit store shared through Redis (or a compatible server such as Valkey or Dragonfly). */
export function createRedisRateLimitStore(options: RedisStoreOptions): RateLimitStore {
  checkSendCommand(options, 'createRedisRateLimitStore');
  const prefix = `${options.prefix ?? 'psf:'}rl:`;
  return {
    async take(key, rule) {
      const reply = await options.sendCommand([
        'EVAL',
        SCRIPT,
        '1',
        prefix + key,
        String(rule.capacity),
        String(rule.intervalMs),
      ]);
      if (!Array.isArray(reply) || reply.length !== 3) {
        throw new Error('createRedisRateLimitStore: unexpected reply from EVAL');
      }
      const [allowed, remaining, wait] = reply.map(Number) as [number, number, number];
      return { allowed: allowed === 1, remaining, retryAfterMs: allowed === 1 ? 0 : wait };
    },
  };
}
