import type {
  IdempotencyRecord,
  IdempotencyStore,
  IdempotencyStoreOptions,
} from './idempotency.js';
import { checkSendCommand, type RedisStoreOptions } from './redis.js';

const DAY = 24 * 60 * 60 * 1000;

/** Deletes the key only while it is still an in-flight claim, never a completed answer. */
const RELEASE_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v and string.find(v, '"state":"in-flight"', 1, true) then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** Idempotency records in Redis, so a retry that reaches another instance is still a replay. */
export function createRedisIdempotencyStore(
  options: RedisStoreOptions & IdempotencyStoreOptions,
): IdempotencyStore {
  checkSendCommand(options, 'createRedisIdempotencyStore');
  const send = options.sendCommand;
  const prefix = `${options.prefix ?? 'psf:'}idem:`;
  const ttl = String(options.ttlMs ?? DAY);
  const inFlightTtl = String(options.inFlightTtlMs ?? 60_000);
  return {
    async get(key) {
      const raw = await send(['GET', prefix + key]);
      return typeof raw === 'string' ? (JSON.parse(raw) as IdempotencyRecord) : undefined;
    },
    async claim(key, fingerprint) {
      const value = JSON.stringify({ state: 'in-flight', fingerprint });
      const reply = await send(['SET', prefix + key, value, 'NX', 'PX', inFlightTtl]);
      return reply === 'OK';
    },
    async complete(key, answer) {
      await send(['SET', prefix + key, JSON.stringify({ state: 'done', ...answer }), 'PX', ttl]);
    },
    async release(key) {
      await send(['EVAL', RELEASE_SCRIPT, '1', prefix + key]);
    },
  };
}
