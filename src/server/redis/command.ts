/**
 * The only thing this package needs from a Redis client: send one command, get its reply.
 * node-redis: `(args) => client.sendCommand(args)`;
 * ioredis: `(args) => redis.call(args[0], ...args.slice(1))`.
 */
export type SendRedisCommand = (args: string[]) => Promise<unknown>;

export interface RedisStoreOptions {
  sendCommand: SendRedisCommand;
  /** Prepended to every key. Default `psf:`. */
  prefix?: string;
}

export function checkSendCommand(options: RedisStoreOptions, store: string): void {
  if (typeof options?.sendCommand !== 'function') {
    throw new TypeError(`${store}: sendCommand(args: string[]) => Promise<unknown> is required`);
  }
}
