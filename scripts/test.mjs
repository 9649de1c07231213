// `npm test`: every check a change must pass, in the order that fails fastest, then one closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  // No import circles, type-only imports included (.dependency-cruiser.cjs).
  ['circles', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', 'src', 'bench']],
  ['build', 'npm', ['run', 'build']],
  // The browser files' syntax parses in every browser the README supports (Safari 15 and up).
  ['syntax target', 'node', ['scripts/syntax-check.mjs']],
  // The README's API tables match custom-elements.json, which documents every event and CSS property.
  ['api docs', 'node', ['scripts/api-docs.mjs', '--check']],
  // The tarball users get: only what they need, publint and @arethetypeswrong/cli clean.
  ['package', 'node', ['scripts/package-check.mjs']],
  ['size', 'node', ['scripts/size.mjs']],
  [
    'unit and server tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${RESULTS}/vitest.json`,
    ],
  ],
  // React 18, Vue, Svelte, Angular and Next.js apps built with their own tooling (the browser
  // tests load them).
  ['examples', 'node', ['scripts/examples.mjs']],
  ['browser tests', 'npx', ['web-test-runner']],
];

const failedSteps = [];
const seconds = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  seconds.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
  if (status !== 0) failedSteps.push(name);
}
console.log(`\nstep times: ${seconds.join(', ')}`);

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const vitest = read(`${RESULTS}/vitest.json`);
const browser = read(`${RESULTS}/browser.json`);
const passed = (vitest?.numPassedTests ?? 0) + (browser?.passed ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (browser?.failed ?? 0);

console.log(
  `\nunit+server: ${vitest?.numPassedTests ?? 0} passed, browser: ${browser?.passed ?? 0} passed`,
);
// Browser tests per engine and mode; "not applicable": tests that declare a need (`[needs push]`)
// this browser lacks (test/support/needs.ts).
console.log('browser tests: passed / failed / not applicable');
for (const [name, c] of Object.entries(browser?.browsers ?? {})) {
  console.log(`  ${name.padEnd(18)} ${c.passed} / ${c.failed} / ${c.notApplicable}`);
  for (const title of c.skipped) console.log(`    skipped without a declared need: ${title}`);
}
for (const line of browser?.notRun ?? []) console.log(`  not run: ${line}`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (!vitest || !browser || passed === 0) console.log('some test runner reported nothing');
console.log(`ci: ${passed} passed, ${failed + failedSteps.length} failed`);
process.exit(failedSteps.length || failed || !vitest || !browser || passed === 0 ? 1 : 0);
