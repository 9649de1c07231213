/**
 * `npm run bench`: this package side by side with the alternatives, in one run.
 *
 *   0. the calibrated phone: this host's benchmarkIndex → CPU throttling (browser/calibrate.ts)
 *   1. bytes a visitor downloads (bytes/sizes.ts)
 *   2. the element in headless Chromium on that phone (browser/measure.ts)
 *   3. OneSignal writes per page view (browser/onesignal-writes.ts)
 *   4. the server handler (server/throughput.ts)
 *   5. Lighthouse on four pages (lighthouse/audit.ts)
 *
 * Prints one table per part and the goals with figure, limit, margin and verdict (report/goals.ts:
 * met, short, or inconclusive on a noisy run), and writes bench/results/report.md, sizes.svg and
 * results.json. Assumes dist/ is built (`npm run build`). Figures, not assertions: it exits 0
 * when a goal is short. About two minutes on a quiet 2-core machine; `--quick` for development.
 *
 *   npx tsx bench/run.ts [--quick] [--runs 3] [--lighthouse-runs 1] [--server-duration 1500]
 *
 * The folders of bench/, one per kind of measurement:
 *
 *   bytes/       part 1, and entries/: the alternatives' bundles esbuild builds and weighs
 *   browser/     parts 0, 2 and 3: the bench server, its pages/ and the in-page probe, the cases
 *   lighthouse/  part 5, on the bench server's pages
 *   server/      part 4, and `npm run bench:server`, `bench:fallback`, `bench:consent`
 *   report/      the results as tables, goals, report.md and sizes.svg
 *   shared/      repo paths, the dist/ snapshot, esbuild minifying, statistics, host load
 *   results/     what this run writes (report.md and sizes.svg are committed)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './browser/bench-server.js';
import { calibrate, recheck } from './browser/calibrate.js';
import { launchBrowser, measureBrowser } from './browser/measure.js';
import { measureWrites } from './browser/onesignal-writes.js';
import { measureSizes, type SizesResult } from './bytes/sizes.js';
import { measureLighthouse } from './lighthouse/audit.js';
import { markdownReport } from './report/markdown.js';
import { sizesSvg, textTable } from './report/render.js';
import type { Machine, Results } from './report/results.js';
import { allTables } from './report/tables.js';
import { runServerBench } from './server/throughput.js';
import { snapshotDist, type DistSnapshot } from './shared/dist-snapshot.js';
import { BUSY_LIMIT, busyShare } from './shared/host-load.js';
import { RESULTS, ROOT } from './shared/paths.js';
import { pct } from './shared/stats.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const step = (text: string) => console.info(`[bench] ${text}`);

/** Snapshots dist/ and weighs it; retries when a rebuild was half-way (a chunk missing). */
async function snapshotAndWeigh(): Promise<{ snapshot: DistSnapshot; sizes: SizesResult }> {
  for (let attempt = 1; ; attempt++) {
    const snapshot = snapshotDist();
    try {
      return { snapshot, sizes: await measureSizes(snapshot.root) };
    } catch (error) {
      snapshot.remove();
      if (attempt >= 3) throw error;
      step(`dist/ looked incomplete (${String(error)}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const quick = process.argv.includes('--quick');
  const runs = option('--runs', quick ? 2 : 3);
  const lighthouseRuns = option('--lighthouse-runs', 1);
  const serverDuration = option('--server-duration', quick ? 1000 : 1500);
  if (!existsSync(join(ROOT, 'dist/push-sms-fallback.js'))) {
    throw new Error('dist/ is not built: run `npm run build` first (`npm run bench` does).');
  }
  const loadBefore = loadavg();
  const busyBefore = await busyShare();
  // The previous run's report is not a change to what is measured.
  const changed = git('status', '--porcelain', '--', '.', ':(exclude)bench/results');
  const dirty = changed ? ' (working tree has uncommitted changes)' : '';

  const partsMs: Results['partsMs'] = {};
  let mark = performance.now();
  const lap = (part: string) => {
    partsMs[part] = performance.now() - mark;
    mark = performance.now();
  };

  step('part 1: building the alternatives and weighing');
  const { snapshot, sizes } = await snapshotAndWeigh();
  lap('sizes');

  let browserVersion = '';
  let calibration: Results['calibration'];
  let browserResults: Results['browser'];
  let writes: Results['writes'];
  let lighthouse: Results['lighthouse'];
  const server = await startBenchServer(snapshot.dist);
  try {
    const browser = await launchBrowser();
    try {
      browserVersion = browser.version();
      step(`part 0: calibrating the phone on Chromium ${browserVersion}`);
      calibration = await calibrate(browser, (text) => step(`  ${text}`));
      lap('calibration');
      const rate = calibration.factor;
      step(`part 2: ${runs} runs of 8 pages (CPU ${rate}×) on ${server.origin}`);
      browserResults = await measureBrowser(browser, server.origin, runs, rate, (done, total) =>
        step(`  round ${done}/${total}`),
      );
      await recheck(browser, calibration);
      step(`  the same rate after the cases: ${calibration.after?.index.median.toFixed(0)}`);
      lap('browser');
      step('part 3: OneSignal writes over the visit sequence');
      writes = await measureWrites(browser, server);
      lap('writes');
    } finally {
      await browser.close();
    }
    step(`part 5: Lighthouse, ${lighthouseRuns} run(s) of 4 pages`);
    lighthouse = await measureLighthouse(server.origin, calibration.factor, lighthouseRuns, step);
    lap('lighthouse');
  } finally {
    await server.close();
    snapshot.remove();
  }

  step(`part 4: server handler (${serverDuration} ms per server)`);
  const serverResults = await runServerBench({ durationMs: serverDuration });
  lap('server');

  const machine: Machine = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${release()}`,
    chromium: browserVersion,
    esbuild: sizes.esbuild,
    commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${dirty}`,
    loadBefore,
    busyBefore,
    loadAfter: loadavg(),
  };
  const noise = [...calibration.problems];
  if (busyBefore > BUSY_LIMIT) {
    noise.unshift(
      `${pct(busyBefore)} of the ${cpus().length} cores busy with other work at the start (limit ${pct(BUSY_LIMIT)})`,
    );
  }
  const results: Results = {
    machine,
    calibration,
    noise,
    sizes,
    browser: browserResults,
    lighthouse,
    writes,
    server: serverResults,
    partsMs,
    elapsedMs: performance.now() - started,
  };

  console.info('');
  for (const table of allTables(results)) console.info(`${textTable(table)}\n`);

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'report.md'), markdownReport(results));
  writeFileSync(join(RESULTS, 'sizes.svg'), sizesSvg(sizes));
  writeFileSync(join(RESULTS, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  const parts = Object.entries(partsMs)
    .map(([part, ms]) => `${part} ${(ms / 1000).toFixed(0)} s`)
    .join(', ');
  console.info(
    `Wrote bench/results/report.md, sizes.svg and results.json in ${(results.elapsedMs / 1000).toFixed(0)} s (${parts}).`,
  );
}

await main();
