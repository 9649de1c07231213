// `npm test` step "examples": builds each app in examples/ with its framework's own tooling,
// against the package exactly as npm would install it (after `npm run build`).
//   node scripts/examples.mjs [name …]   (default: all)
// For each example: `npm ci` when it has no node_modules (the installs run side by side), then
// the packed tarball of this package replaces node_modules/push-sms-fallback (so a rebuilt dist/
// is what the example gets), then `npm run build` (two at a time: the machine has two cores).
// The vite, esbuild and Angular builds write examples/<name>/dist, which the browser tests load
// (test/browser/frameworks.test.ts); Next.js writes .next after type-checking, and is then run
// with `next start` and checked end to end (scripts/nextjs-example.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALL = readdirSync('examples', { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(join('examples', entry.name, 'package.json')),
  )
  .map((entry) => entry.name);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`unknown example(s): ${unknown.join(', ')} (have: ${ALL.join(', ')})`);
  process.exit(2);
}
const names = wanted.length ? wanted : ALL;

// No prompts, no telemetry, no network beyond the npm registry.
const env = {
  ...process.env,
  CI: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  NG_CLI_ANALYTICS: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** Runs a command in an example, keeping its output to print as one block when it ends. */
function run(name, command, args) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(command, args, { cwd: join('examples', name), env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      const lines = output.split('\n').filter((line) => !/npm warn/.test(line));
      console.log(
        `${ok ? '✓' : '✗'} ${name}: ${command} ${args.join(' ')} (${seconds(start)})` +
          (ok ? '' : `\n${lines.slice(-60).join('\n')}`),
      );
      resolve(ok);
    });
  });
}

/** Runs `tasks` with at most `limit` at once; resolves with their results in order. */
async function pool(tasks, limit) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const started = Date.now();
const failed = new Set();

// 1. Install what is missing (network-bound: all at once).
const installs = names.filter((name) => !existsSync(join('examples', name, 'node_modules')));
const installed = await Promise.all(installs.map((name) => run(name, 'npm', ['ci'])));
installs.forEach((name, i) => installed[i] || failed.add(name));

// 2. The package as users get it: the tarball `npm pack` makes from the current build.
const packDir = mkdtempSync(join(tmpdir(), 'push-sms-fallback-examples-'));
try {
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (packed.status !== 0) throw new Error('npm pack failed');
  const tarball = join(packDir, JSON.parse(packed.stdout)[0].filename);
  for (const name of names.filter((n) => !failed.has(n))) {
    const target = join('examples', name, 'node_modules', 'push-sms-fallback');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    if (untar.status !== 0) failed.add(name);
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

// 3. Build (CPU-bound: two at a time, the slowest first).
const order = ['angular', 'nextjs', 'vue', 'svelte', 'react'];
const builds = names
  .filter((name) => !failed.has(name))
  .sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0));
const built = await pool(
  builds.map((name) => () => run(name, 'npm', ['run', 'build'])),
  2,
);
builds.forEach((name, i) => built[i] || failed.add(name));

// 4. Next.js end to end: `next start` of the build, with and without the secrets, against the
// OneSignal REST simulator (scripts/nextjs-example.ts prints each check).
if (builds.includes('nextjs') && !failed.has('nextjs')) {
  const checked = spawnSync('npx', ['tsx', 'scripts/serve-example.ts', 'nextjs', '--check'], {
    stdio: 'inherit',
    env: { ...env, PORT: process.env.NEXTJS_CHECK_PORT ?? '8391' },
    timeout: 240_000,
  });
  if (checked.status !== 0) failed.add('nextjs');
}

console.log(
  `examples: ${names.length - failed.size} of ${names.length} built in ${seconds(started)}` +
    (failed.size ? `; failed: ${[...failed].join(', ')}` : ''),
);
process.exit(failed.size ? 1 : 0);
