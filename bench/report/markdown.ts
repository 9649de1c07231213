/** bench/results/report.md: the machine, the goals, the method and every table in Markdown. */
import type { CaseResult } from '../browser/analyse.js';
import { SDK_TIMING_NOTE } from '../browser/pages/sdk-timing.js';
import { PAGE_INIT_GRACE_MS } from '../../src/browser/push/onesignal-load.js';
import { BUSY_LIMIT } from '../shared/host-load.js';
import { spread, type Summary } from '../shared/stats.js';
import { goals, goalsTable } from './goals.js';
import { markdownTable } from './render.js';
import type { Results } from './results.js';
import { allTables } from './tables.js';

const ms = (s: Summary) => spread(s, 0, ' ms');
const dec = (s: Summary, d: number) => spread(s, d);

function caseLines(c: CaseResult): string {
  return `| ${c.label} | ${c.runs.length} | ${ms(c.windowMs)} | ${ms(c.taskMs)} | ${dec(c.cls, 3)} |`;
}

export function markdownReport(r: Results): string {
  const m = r.machine;
  const tables = allTables(r);
  const verdicts = goals(r);
  return [
    '# push-sms-fallback benchmark',
    '',
    `Run ${m.date}, ${(r.elapsedMs / 1000).toFixed(0)} s (${Object.entries(r.partsMs)
      .map(([part, t]) => `${part} ${(t / 1000).toFixed(0)} s`)
      .join(', ')}). Printed figures, not assertions: \`npm run bench\` (\`tsx bench/run.ts\`).`,
    '',
    '## Machine',
    '',
    `- ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}`,
    `- Node ${m.node}, Chromium ${m.chromium} (headless), esbuild ${m.esbuild}, Lighthouse ${r.lighthouse.version}`,
    `- Commit ${m.commit}`,
    `- Host benchmarkIndex ${spread(r.calibration.host.index, 0)} → CPU throttling ${r.calibration.factor}× for the ${r.calibration.target.name} (${r.calibration.target.benchmarkIndex}); calibration ${r.calibration.problems.length ? `did not hold (${r.calibration.problems.join('; ')})` : 'held'}.`,
    `- Cores busy in the 2 s before the run: ${(m.busyBefore * 100).toFixed(0)} %. Load average (1, 5, 15 min) at start ${m.loadBefore.map((l) => l.toFixed(2)).join(', ')} (the build just before counts in it), at end ${m.loadAfter.map((l) => l.toFixed(2)).join(', ')}.`,
    `- ${r.noise.length ? `**Noisy run**: ${r.noise.join('; ')}.` : '**Clean run.**'}`,
    '',
    '## Goals',
    '',
    ...verdicts.map(
      (g) => `- **${g.verdict}**: ${g.goal}: ${g.figure}; limit ${g.limit}; ${g.margin}.`,
    ),
    '',
    ...(goalsTable(r).notes ?? []),
    '',
    '![gzip sizes](sizes.svg)',
    '',
    '## Method',
    '',
    `0. **The phone.** See the calibration table: the CPU throttling rate at which this host scores ${r.calibration.target.name}'s benchmarkIndex, used by the browser cases and Lighthouse. A run is clean when at most ${(BUSY_LIMIT * 100).toFixed(0)} % of the cores were busy in the 2 s before it (bench/shared/host-load.ts: the CPUs' time counters, since the load average still holds the build just before) and the calibration held; on a noisy run a missed timed goal is "inconclusive".`,
    '1. **Bytes.** Ours are read from `dist/` as `npm run build` left it, with `scriptTagSizes()` and `weigh()` from scripts/bundle-sizes.mjs (minified by the package build; gzip level 9; brotli quality 11). A push subscriber downloads the script-tag bundle; a declined visitor also the lazily loaded form chunk (form, consent text, English, libphonenumber-js/min) and, outside English, a locale chunk (the largest is counted). The alternatives are built in the same run with esbuild (`bundle`, `minify`, `format: esm`, `platform: browser`, no legal comments, like our terser build) from the entries in `bench/bytes/entries/`, and weighed the same way. CSS an alternative needs as a separate file is minified with esbuild and added: intl-tel-input (both versions) and Shoelace (its light theme holds the design tokens sl-input uses). Material keeps its styles in JS. Flag images are not counted.',
    `2. **Browser.** Headless Chromium ${m.chromium}, CPU throttled ${r.browser.cpuThrottle}× (calibrated) with CDP \`Emulation.setCPUThrottlingRate\` (set on the page's initial about:blank before the measured navigation; it carries over), viewport ${r.browser.viewport.width}×${r.browser.viewport.height}, pages served by one \`node:http\` server on 127.0.0.1. Every run uses a fresh browser context (cold cache, empty storage). The OneSignal page SDK is the project's simulator (demo/simulators/onesignal-page-sdk.ts, compiled with esbuild), timed like the real one on the phone's network: ${SDK_TIMING_NOTE} The pages set OneSignal up with its standard v16 snippet (the SDK as a \`defer\` script, \`init\` queued before it), which the element reuses; a page relying on \`app-id\` alone has the element call \`init\` ${PAGE_INIT_GRACE_MS} ms after \`load\` (issue 12's grace for a late page snippet), a fixed wait not timed here. Our script is a \`type="module" async\` script, as the README recommends; times start when it had arrived (its resource timing \`responseEnd\`: an async module runs as soon as it has, never earlier). A module script in the head (bench/browser/pages/probe.ts) watches the element's \`state\` attribute (MutationObserver), its shadow root, \`longtask\`, \`long-animation-frame\` and \`layout-shift\` entries. Cases run interleaved after one uncounted warm-up, ${r.browser.runsPerCase} runs each (${r.browser.layoutRuns} of a case there for its layout shifts, which repeat exactly); figures are median (min–max).`,
    "3. **OneSignal writes.** One context per subject, so the simulator's persisted visitor (localStorage) carries over: view 1 with push denied (reset), view 2 the same, then during view 2 the visitor grants push (`OneSignalSimulator.grant()`), view 3 after the grant and view 4 repeating it. Counted per view from `OneSignalSimulator.calls` after 0.7 s of quiet once the page has decided.",
    '4. **Server.** `runServerBench()` from bench/server/throughput.ts.',
    '5. **Lighthouse.** See its table.',
    '',
    '## Results',
    '',
    ...tables.slice(0, -1).flatMap((t) => [markdownTable(t), '']),
    '### All browser cases',
    '',
    '| page | runs | end point after script start | page task time (CDP TaskDuration) | CLS |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.values(r.browser.cases).map(caseLines),
    '',
  ].join('\n');
}
