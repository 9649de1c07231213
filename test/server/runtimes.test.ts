// The handler, unchanged, on every runtime the contract names: bundled by esbuild for each, run
// by the runtime's own binary (dev dependencies), and checked over loopback HTTP with the same
// requests. Prints a table runtime × check.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { ORIGIN, registration, writes } from './helpers.js';
import { freePort } from './redis-server.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const bin = (path: string) => here(`../../node_modules/${path}`);

interface Runtime {
  name: string;
  entry: string;
  /** The command that serves `dir/app.js` (or the workerd config beside it). */
  command(dir: string): [string, string[]];
  platform: 'node' | 'neutral';
}

const RUNTIMES: Runtime[] = [
  {
    name: 'node',
    entry: 'node.ts',
    platform: 'node',
    command: (dir) => [process.execPath, [join(dir, 'app.js')]],
  },
  {
    name: 'deno',
    entry: 'deno.ts',
    platform: 'neutral',
    command: (dir) => [
      bin('@deno/linux-x64-glibc/deno'),
      ['run', '--no-prompt', '--allow-net=127.0.0.1', join(dir, 'app.js')],
    ],
  },
  {
    name: 'bun',
    entry: 'bun.ts',
    platform: 'neutral',
    command: (dir) => [bin('@oven/bun-linux-x64/bin/bun'), [join(dir, 'app.js')]],
  },
  {
    name: 'workerd',
    entry: 'worker.ts',
    platform: 'neutral',
    command: (dir) => [
      bin('@cloudflare/workerd-linux-64/bin/workerd'),
      ['serve', join(dir, 'config.capnp')],
    ],
  },
];

/** The simulator's `listen` is Node-only; inside the runtimes only its `fetch` is used. */
const noNodeServer: Plugin = {
  name: 'no-node-server',
  setup(b) {
    b.onResolve({ filter: /^node:(http|net)$/ }, (args) =>
      args.importer.includes('simulators') ? { path: args.path, namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const createServer = () => { throw new Error("not here"); };',
    }));
  },
};

function workerdConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "app.js", esModule = embed "app.js")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "loopback",
);
`;
}

interface Started {
  url: string;
  child: ChildProcess;
  dir: string;
}

async function start(runtime: Runtime, upstream: string): Promise<Started> {
  const [binary] = runtime.command('');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run npm install`);
  const dir = mkdtempSync(join(tmpdir(), `psf-${runtime.name}-`));
  const port = await freePort();
  await build({
    entryPoints: [here(`runtimes/${runtime.entry}`)],
    bundle: true,
    format: 'esm',
    platform: runtime.platform,
    mainFields: ['module', 'main'],
    outfile: join(dir, 'app.js'),
    define: { __UPSTREAM__: JSON.stringify(upstream), __PORT__: String(port) },
    plugins: [noNodeServer],
    logLevel: 'silent',
  });
  if (runtime.name === 'workerd') writeFileSync(join(dir, 'config.capnp'), workerdConfig(port));
  const [command, args] = runtime.command(dir);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers (workerd prints nothing when it listens).
  for (const until = Date.now() + 20_000; ;) {
    if (child.exitCode !== null) throw new Error(`${runtime.name} exited:\n${output}`);
    const up = await fetch(url, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > until) throw new Error(`${runtime.name} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, dir };
}

function send(url: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: method === 'POST' ? body : undefined,
  });
}

function post(url: string, reg = registration(), headers: Record<string, string> = {}) {
  return send(url, JSON.stringify(reg), {
    'idempotency-key': reg.idempotencyKey,
    'cf-connecting-ip': '198.51.100.7',
    ...headers,
  });
}

type Check = [name: string, run: (base: string) => Promise<void>];

const upstream = createOneSignalSimulator();

const CHECKS: Check[] = [
  [
    'register (fetch option)',
    async (base) => expect((await post(`${base}/option`)).status).toBe(201),
  ],
  [
    'register (own fetch)',
    async (base) => {
      const before = writes(upstream).length;
      expect((await post(`${base}/global-fetch`)).status).toBe(201);
      expect(writes(upstream)).toHaveLength(before + 1);
    },
  ],
  [
    'idempotent replay',
    async (base) => {
      const reg = registration();
      expect((await post(`${base}/option`, reg)).status).toBe(201);
      const again = await post(`${base}/option`, reg);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    },
  ],
  [
    'bad JSON 400',
    async (base) => {
      const res = await send(base, '{"phone":', { 'idempotency-key': crypto.randomUUID() });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    },
  ],
  [
    'wrong origin 403',
    async (base) => {
      const res = await post(base, registration(), { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    },
  ],
  [
    'reused key 422',
    async (base) => {
      const reg = registration();
      expect((await post(base, reg)).status).toBe(201);
      const res = await post(base, { ...reg, phone: '+447400123457' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { field?: string }).field).toBe('idempotencyKey');
    },
  ],
  [
    'too large 413',
    async (base) => {
      const reg = registration();
      const big = JSON.stringify({ ...reg, padding: 'x'.repeat(9000) });
      const res = await send(base, big, { 'idempotency-key': reg.idempotencyKey });
      expect(res.status).toBe(413);
    },
  ],
  [
    'preflight 204',
    async (base) => {
      const res = await send(base, '', { 'access-control-request-method': 'POST' }, 'OPTIONS');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    },
  ],
  [
    'GET 405',
    async (base) => {
      const res = await send(base, '', {}, 'GET');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    },
  ],
];

const results = new Map<string, Map<string, boolean>>();
let upstreamServer: Awaited<ReturnType<typeof upstream.listen>>;

beforeAll(async () => {
  upstreamServer = await upstream.listen();
});

afterAll(async () => {
  await upstreamServer?.close();
  const width = Math.max(...CHECKS.map(([name]) => name.length));
  const names = RUNTIMES.map((r) => r.name);
  const lines = [`${'check'.padEnd(width)}  ${names.map((n) => n.padEnd(8)).join('')}`];
  for (const [check] of CHECKS) {
    const marks = names.map((n) => {
      const ok = results.get(n)?.get(check);
      return (ok === undefined ? '–' : ok ? '✓' : '✗').padEnd(8);
    });
    lines.push(`${check.padEnd(width)}  ${marks.join('')}`);
  }
  console.info(`\nServer contract checks, runtime × check:\n${lines.join('\n')}\n`);
});

for (const runtime of RUNTIMES) {
  describe(`on ${runtime.name}`, () => {
    let started: Started | undefined;
    const marks = new Map<string, boolean>();
    results.set(runtime.name, marks);

    beforeAll(async () => {
      started = await start(runtime, upstreamServer.url);
    }, 40_000);

    afterAll(() => {
      started?.child.kill();
      if (started) rmSync(started.dir, { recursive: true, force: true });
    });

    for (const [name, run] of CHECKS) {
      it(name, async () => {
        marks.set(name, false);
        await run(must(started).url);
        marks.set(name, true);
      });
    }
  });
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the runtime did not start');
  return value;
}
