import {
  DEFAULT_IN_FLIGHT_TTL_MS,
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
} from '../registration/idempotency.js';
import { checkSendCommand, type RedisStoreOptions } from './command.js';

const DAY = 24 * 60 * 60 * 1000;

/** Extends the key's life only while it still holds this very claim. */
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

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
  const inFlightTtlMs = options.inFlightTtlMs ?? DEFAULT_IN_FLIGHT_TTL_MS;
  const inFlightTtl = String(inFlightTtlMs);
  const claimValue = (fingerprint: string) => JSON.stringify({ state: 'in-flight', fingerprint });
  return {
    inFlightTtlMs,
    async get(key) {
      const raw = await send(['GET', prefix + key]);
      return typeof raw === 'string' ? (JSON.parse(raw) as IdempotencyRecord) : undefined;
    },
    async claim(key, fingerprint) {
      const reply = await send([
        'SET',
        prefix + key,
        claimValue(fingerprint),
        'NX',
        'PX',
        inFlightTtl,
      ]);
      return reply === 'OK';
    },
    async complete(key, answer) {
      await send(['SET', prefix + key, JSON.stringify({ state: 'done', ...answer }), 'PX', ttl]);
    },
    async release(key) {
      await send(['EVAL', RELEASE_SCRIPT, '1', prefix + key]);
    },
    async renew(key, fingerprint) {
      await send(['EVAL', RENEW_SCRIPT, '1', prefix + key, claimValue(fingerprint), inFlightTtl]);
    },
  };
}
