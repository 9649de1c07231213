// examples/nextjs under `next start`, as a site owner runs it after `next build`, against the
// OneSignal REST simulator (ONESIGNAL_API_URL), with its own terms and privacy pages. Used by
// scripts/serve-example.ts: `nextjs` serves it; `nextjs --check` checks it end to end and prints
// every check (the `examples` step of npm test runs that after building the example).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_APP_ID,
  createOneSignalSimulator,
} from '../demo/simulators/onesignal-rest.js';
import { registrationBody } from '../bench/server/registration.js';

const APP = fileURLToPath(new URL('../examples/nextjs/', import.meta.url));
const NEXT = join(APP, 'node_modules/.bin/next');

interface Next {
  origin: string;
  /** What `next start` printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1:`port` with `env` only; resolves once it answers (deadline 60 s). */
async function startNext(port: number, env: Record<string, string>): Promise<Next> {
  if (!existsSync(join(APP, '.next/BUILD_ID'))) {
    throw new Error(
      'examples/nextjs is not built: npm run build && node scripts/examples.mjs nextjs',
    );
  }
  const child: ChildProcess = spawn(NEXT, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: APP,
    env: { PATH: process.env.PATH ?? '', NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${origin}/terms`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return { origin, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The element's POST, from a page on `origin`. */
function register(origin: string, from = origin): Promise<Response> {
  const key = crypto.randomUUID();
  const body = JSON.parse(registrationBody(Math.floor(Math.random() * 1e6), key)) as {
    consent: { pageUrl: string };
  };
  body.consent.pageUrl = `${from}/`;
  return fetch(`${origin}/api/sms-subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: from, 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

type Check = [what: string, ok: boolean, detail?: string];

async function withSecrets(port: number): Promise<Check[]> {
  const sim = createOneSignalSimulator({ appId: SIMULATOR_APP_ID });
  const api = await sim.listen();
  const dataDir = mkdtempSync(join(tmpdir(), 'psf-nextjs-'));
  const next = await startNext(port, {
    ONESIGNAL_APP_ID: SIMULATOR_APP_ID,
    ONESIGNAL_API_KEY: SIMULATOR_API_KEY,
    PSF_ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
    ONESIGNAL_API_URL: api.url,
    PSF_DATA_DIR: dataDir,
  });
  try {
    const page = await (await fetch(next.origin)).text();
    const terms = await (await fetch(`${next.origin}/terms`)).text();
    const privacy = await (await fetch(`${next.origin}/privacy`)).text();
    const registered = await register(next.origin);
    const stranger = await register(next.origin, 'https://elsewhere.example');
    const consent = join(dataDir, 'consent.jsonl');
    const lines = existsSync(consent) ? readFileSync(consent, 'utf8').trim().split('\n') : [];
    const created = sim.requests.filter((r) => r.method === 'POST' && /\/users$/.test(r.path));
    return [
      [
        'the page renders <push-sms-fallback> with its terms and privacy links',
        /<push-sms-fallback[^>]*terms-url="\/terms"[^>]*privacy-url="\/privacy"/.test(page),
      ],
      [
        "/terms is the example's own terms page",
        terms.includes('Terms of the text message program'),
      ],
      ["/privacy is the example's own privacy page", privacy.includes('Privacy policy')],
      [
        'POST /api/sms-subscribe from the page registers: 201',
        registered.status === 201,
        String(registered.status),
      ],
      [
        'the registration reached OneSignal (the simulator at ONESIGNAL_API_URL): one create user',
        created.length === 1,
        String(created.length),
      ],
      [
        'its consent record is in $PSF_DATA_DIR/consent.jsonl before the answer',
        lines.length === 1,
        String(lines.length),
      ],
      [
        'a POST from another origin is refused: 403',
        stranger.status === 403,
        String(stranger.status),
      ],
    ];
  } finally {
    await next.stop();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withoutSecrets(port: number): Promise<Check[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'psf-nextjs-'));
  const next = await startNext(port, { PSF_DATA_DIR: dataDir });
  try {
    const first = await register(next.origin);
    const second = await register(next.origin);
    const problem = (await first.json()) as { type?: string };
    await second.text();
    const logged = next.output().match(/misconfigured/g) ?? [];
    const named = ['appId', 'apiKey', 'allowedOrigins'].every((m) => next.output().includes(m));
    return [
      [
        'without the secrets the route answers 500 server-misconfigured (final for the element)',
        first.status === 500 &&
          second.status === 500 &&
          /[:/]server-misconfigured$/.test(problem.type ?? ''),
        `${first.status} ${problem.type}`,
      ],
      [
        'and logs what is missing once, not per request',
        logged.length === 1 && named,
        next.output().trim(),
      ],
    ];
  } finally {
    await next.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs every check, prints each; resolves true when all passed. */
export async function checkNextExample(port: number): Promise<boolean> {
  const checks = [...(await withSecrets(port)), ...(await withoutSecrets(port))];
  for (const [what, ok, detail] of checks) {
    console.log(`${ok ? '✓' : '✗'} nextjs: ${what}${ok || !detail ? '' : ` (got ${detail})`}`);
  }
  const failed = checks.filter(([, ok]) => !ok).length;
  console.log(`nextjs end to end: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

/** Serves the example with the simulator until interrupted. */
export async function serveNextExample(port: number): Promise<void> {
  const sim = createOneSignalSimulator({ appId: SIMULATOR_APP_ID });
  const api = await sim.listen();
  const next = await startNext(port, {
    ONESIGNAL_APP_ID: SIMULATOR_APP_ID,
    ONESIGNAL_API_KEY: SIMULATOR_API_KEY,
    PSF_ALLOWED_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}`,
    ONESIGNAL_API_URL: api.url,
    PSF_DATA_DIR: join(APP, 'push-sms-fallback-data'),
  });
  console.log(`examples/nextjs: ${next.origin}/ (next start)`);
  console.log('  backend: its route handler + OneSignal REST simulator (no account needed)');
  process.once(
    'SIGINT',
    () =>
      void next
        .stop()
        .then(() => api.close())
        .then(() => process.exit(0)),
  );
}
