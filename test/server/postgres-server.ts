// A throwaway PostgreSQL server from Debian's packages, in a temp dir, on 127.0.0.1 only.
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.js';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, no password (trust on loopback only). */
  url: string;
  stop(): Promise<void>;
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  const path = join(BIN, command);
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, args];
}

export async function startPostgres(): Promise<PostgresServer> {
  // Fail loudly: a missing server must not turn into a skipped (silently green) suite.
  if (!existsSync(join(BIN, 'postgres'))) {
    throw new Error(`${BIN}/postgres is missing: apt-get install postgresql (or set PG_BIN)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'psf-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout), Number(gids.stdout));
    chmodSync(dir, 0o700);
  }
  const [initCmd, initArgs] = asServerUser('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

  const port = await freePort();
  const [cmd, args] = asServerUser('postgres', [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    dir,
  ]);
  const server: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`postgres did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited (${code}):\n${out}`));
    });
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      // SIGINT to the postmaster itself (runuser need not pass signals on) is a fast shutdown:
      // open connections are ended, the socket removed.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
