// A real redis-server for a test file, on a free loopback port, never on a shared one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const REDIS_SERVER = '/usr/bin/redis-server';

/** A port nothing listens on at the moment, for servers a test starts (redis, postgres). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RedisServer {
  port: number;
  url: string;
  process: ChildProcess;
  stop(): void;
}

export interface RedisServerOptions {
  /** Default: a free one. Pass a stopped server's port to restart it in place. */
  port?: number;
  /** Persistence settings. Default none: no RDB snapshots, no append-only file. */
  persistence?: string[];
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  // Fail loudly: a missing server must not turn into a skipped (silently green) suite.
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server`);
  }
  const port = options.port ?? (await freePort());
  const persistence = options.persistence ?? ['--save', '', '--appendonly', 'no'];
  const redis = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', ...persistence],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${out}`)),
      10_000,
    );
    redis.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: redis,
    stop() {
      // A stopped (SIGSTOP) server ignores SIGTERM until continued.
      redis.kill('SIGCONT');
      redis.kill();
    },
  };
}
