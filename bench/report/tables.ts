/**
 * Turns the parts' results into tables (printed and Markdown), with the goals (bench/report/goals.ts),
 * and the SVG bar chart of download sizes (bench/report/render.ts).
 */
import type { ServerBenchResult } from '../server/throughput.js';
import type { CaseResult } from '../browser/analyse.js';
import type { CaseName } from '../browser/cases.js';
import type { BrowserResults } from '../browser/measure.js';
import { goals, goalsTable } from './goals.js';
import { markdownTable, type Table } from './render.js';
import { calibrationTable, lighthouseTable } from './phone-tables.js';
import type { Results } from './results.js';
import { INIT_HOLD_MS, SDK_TIMING_NOTE } from '../browser/pages/sdk-timing.js';
import { PAGE_INIT_GRACE_MS } from '../../src/browser/push/onesignal-load.js';
import { BUSY_LIMIT } from '../shared/host-load.js';
import type { WritesResult } from '../browser/onesignal-writes.js';
import type { SizesResult } from '../bytes/sizes.js';
import { kB, spread, type Summary } from '../shared/stats.js';

const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const ms = (s: Summary) => spread(s, 0, ' ms');
const dec = (s: Summary, d: number) => spread(s, d);

// ---- part 1 ------------------------------------------------------------------------------

export function sizesTable(s: SizesResult): Table {
  return {
    title: 'Part 1: bytes a visitor downloads (JS + CSS it needs)',
    head: ['download', 'min', 'gzip', 'brotli', 'declined ours/this', 'subscriber ours/this'],
    right: [1, 2, 3, 4, 5],
    rows: s.rows.map((r) => [
      r.kind === 'parts' ? `${r.name} (assembled)` : r.name,
      kB(r.total.min),
      kB(r.total.gzip),
      kB(r.total.brotli),
      r.kind === 'ours' ? '' : ratio(s.ours.declined.gzip, r.total.gzip),
      r.kind === 'ours' ? '' : ratio(s.ours.subscriber.gzip, r.total.gzip),
    ]),
    notes: [
      ...s.rows
        .filter((r) => r.css)
        .map((r) => `${r.name}: JS ${kB(r.js.gzip)} + CSS ${kB(r.css!.gzip)} gzip (${r.source}).`),
      `Flag sprites intl-tel-input's CSS also loads, not counted above: ${s.flagImages
        .map((f) => `${f.name} ${kB(f.bytes, 1)}`)
        .join(', ')}.`,
      `Built with esbuild ${s.esbuild} from ${Object.entries(s.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}.`,
      `Ours: form chunk ${kB(s.ours.form.gzip)} gzip; npm entry (Lit external) ${kB(s.ours.npmEntry.gzip)}; classic loader ${kB(s.ours.classicLoader.gzip)}.`,
    ],
  };
}

// ---- part 2 ------------------------------------------------------------------------------

const TIMED: CaseName[] = [
  'denied',
  'subscriber',
  'reserve',
  'banner',
  'reserveSubscriber',
  'initHeld',
];

const orDash = (x: Summary) => (x.runs ? ms(x) : '—');

export function timingTable(b: BrowserResults): Table {
  const c = b.cases;
  return {
    title: `Part 2a: times on the calibrated phone (CPU ${b.cpuThrottle}×), ms from our script's start unless said, median (min–max) of ${b.runsPerCase} (layout cases ${b.layoutRuns})`,
    head: [
      'page',
      'SDK ready',
      'first decided state',
      'decided after SDK ready',
      'form shown after decision',
      'form painted',
      'every country listed',
      'init called after the SDK script arrived',
    ],
    rows: TIMED.map((name) => [
      c[name].label,
      orDash(c[name].sdkReady),
      `${c[name].runs[0]?.record.decidedState ?? '?'}: ${ms(c[name].decided)}`,
      orDash(c[name].decidedAfterReady),
      orDash(c[name].shownAfterDecision),
      orDash(c[name].formPainted),
      orDash(c[name].formComplete),
      orDash(c[name].initAfterSdkLoaded),
    ]),
    notes: [
      SDK_TIMING_NOTE,
      "SDK ready: the simulator's performance mark when init has set OneSignal.config and the live namespaces. 'init called after the SDK script arrived': from the simulator script's responseEnd to the first init call (its mark). An element that queues init before the SDK runs its queue is called as soon as the script has run; one that waits for a page's own late snippet (issue 12's rule) calls it later: on pages relying on app-id, that wait is the rule's cost.",
      `Init held: the simulator's init resolves ${INIT_HOLD_MS} ms after readiness (initHold, the user create answering late), as in issue 12.`,
    ],
  };
}

export function mainThreadTable(b: BrowserResults): Table {
  const c = b.cases;
  // A page's main-thread figures; with a baseline, what the element adds to its scripting.
  const row = (name: CaseName, baseline?: CaseName) => {
    const it = c[name];
    const fromElement = baseline
      ? [
          `${dec(it.longTasks.count, 0)} (${it.runsWithLongTask}/${it.runs.length} runs)`,
          ms(it.longTasks.maxMs),
          ms(it.longTasks.blockingMs),
        ]
      : ['—', '—', '—'];
    return [
      it.label,
      ...fromElement,
      dec(it.longTasks.pageOwn, 0),
      ms(it.scriptMs),
      baseline ? `${(it.scriptMs.median - c[baseline].scriptMs.median).toFixed(0)} ms` : '',
    ];
  };
  return {
    title: `Part 2b: main thread from our script start to the decision / every country listed and painted (CPU ${b.cpuThrottle}×)`,
    head: [
      'page',
      'long tasks (>50 ms) from the element',
      'longest',
      'blocking (TBT)',
      "the page's own long tasks",
      'page scripting',
      'element scripting',
    ],
    rows: [
      row('denied', 'sdkDenied'),
      row('subscriber', 'sdkSubscriber'),
      row('sdkDenied'),
      row('sdkSubscriber'),
    ],
    notes: [
      "Long tasks: PerformanceObserver \"longtask\" entries overlapping [our script start, end point]. One is from the element when a script of ours ran in it (a long animation frame names every script of 5 ms or more, with its start) or when it came once the element had put the form in its shadow root (the form's style, layout and paint, hidden while it is built, and everything after); the rest, before the form and without our script, are the page's own (parsing, its first layout and paint, the SDK), counted in their own column: median per run. Blocking = sum of (duration − 50 ms) of the element's.",
      'Page scripting: CDP Performance.getMetrics ScriptDuration of the whole page at the end point. Element scripting = median of the element page − median of the baseline page that loads the same SDK and calls init without the element.',
      `Longest task by phase of the form path (${c.denied.label}): start-up until the decision ${ms(c.denied.phases.startup)}; form chunk, building the form out of sight, until it is shown ${ms(c.denied.phases.formLoad)}; style and layout until painted ${ms(c.denied.phases.formPaint)}; the other countries added to the selector, until painted ${ms(c.denied.phases.listing)}.`,
      ...(['denied', 'subscriber'] as const).flatMap((name) =>
        c[name].longFrameScripts.length
          ? [
              `Script time in long animation frames, ${c[name].label}: ` +
                c[name].longFrameScripts.map((s) => `${s.script} ${ms(s.ms)}`).join('; ') +
                '.',
            ]
          : [],
      ),
    ],
  };
}

export function clsTable(b: BrowserResults): Table {
  const c = b.cases;
  const row = (name: CaseName) => [
    c[name].label,
    dec(c[name].cls, 3),
    dec(c[name].clsByPhase.startup, 3),
    dec(c[name].clsByPhase.decided, 3),
    dec(c[name].clsByPhase.rendered, 3),
  ];
  return {
    title:
      'Part 2c: Cumulative Layout Shift until the form (or the decision) is painted and settled, median (min–max)',
    head: [
      'page (content below the element)',
      'CLS',
      'before the decision',
      'decision → form shown',
      'form shown → painted',
    ],
    right: [1, 2, 3, 4],
    rows: [
      row('denied'),
      row('reserve'),
      row('banner'),
      row('subscriber'),
      row('reserveSubscriber'),
    ],
    notes: [
      `Sum of layout-shift values without recent input, read ${b.settleMs} ms after the end point and before any interaction; 12 paragraphs of text follow the element; viewport ${b.viewport.width}×${b.viewport.height}.`,
    ],
  };
}

export function submitTable(b: BrowserResults): Table {
  const d = b.cases.denied;
  return {
    title: 'Part 2d: submit → done against a local endpoint answering 201',
    head: ['measure', 'median (min–max)'],
    rows: [
      ['click on submit → state="done"', ms(d.submitToDone)],
      ['long tasks in that window', dec(d.submitLongTasks, 0)],
    ],
    notes: [
      'The number is set on the shadow DOM phone field with an input event and the consent box clicked (one page.evaluate), then, in a second one, button.click(): the time runs from that click.',
    ],
  };
}

// ---- part 3 ------------------------------------------------------------------------------

export function writesTable(w: WritesResult): Table {
  return {
    title: 'Part 3: OneSignal writes per page view (one browser context per subject)',
    head: [
      'view',
      'ours: state',
      'ours: tag writes',
      'ours: reached OneSignal',
      'ours: init',
      'ours: backend POSTs',
      'sample model: tag writes',
      'sample: reached OneSignal',
      'sample: init',
      'sample: backend POSTs',
    ],
    right: [2, 3, 4, 5, 6, 7, 8, 9],
    rows: w.ours.map((o, i) => {
      const s = w.sample[i]!;
      return [
        o.view,
        o.outcome,
        String(o.tagWrites),
        String(o.sentToOneSignal),
        String(o.init),
        String(o.backendCalls),
        String(s.tagWrites),
        String(s.sentToOneSignal),
        String(s.init),
        String(s.backendCalls),
      ];
    }),
    notes: [
      'Tag writes = addTag + addTags + removeTag calls on the SDK; "reached OneSignal" = writes the simulator sent to its server (an anonymous visitor\'s are queued until a user exists).',
      "The sample is a MODEL of OneSignal's published SMS-fallback sample (sms-fallback-delivery, v15), translated to v16: addTag on every mount while push is off, removeTag while on, and a POST of a hard-coded number to its backend, which sends an SMS.",
      'Ours POSTs to its backend only when the visitor submits the form (no submission here).',
      'A write that reaches OneSignal in a row without an SDK call is a queued write (made while the visitor had no OneSignal user) flushed when the user is created.',
    ],
  };
}

// ---- part 4 ------------------------------------------------------------------------------

export function serverTable(r: ServerBenchResult): Table {
  const row = (name: string, l: ServerBenchResult['bare']) => [
    name,
    String(l.requestsPerSecond),
    l.p50Ms.toFixed(2),
    l.p99Ms.toFixed(2),
    String(l.requests),
    String(l.unexpected),
  ];
  return {
    title: `Part 4: server handler on loopback (${r.connections} keep-alive connections, ${r.durationMs} ms each)`,
    head: ['server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'unexpected'],
    right: [1, 2, 3, 4, 5],
    rows: [
      row('bare node:http (201)', r.bare),
      row('toNodeHandler, empty handler', r.fetchFloor),
      row('handler + simulated REST API', r.handler),
    ],
    notes: [
      `Ratio handler / bare: ${r.ratio} (empty Fetch handler / bare: ${r.floorRatio}).`,
      `OneSignal calls: ${r.calls.newRegistrations.oneSignalCalls} for ${r.calls.newRegistrations.requests} new registrations (${(r.calls.newRegistrations.oneSignalCalls / r.calls.newRegistrations.requests).toFixed(2)} per registration), ${r.calls.replays.oneSignalCalls} for ${r.calls.replays.requests} idempotent replays.`,
      'From bench/server/throughput.ts runServerBench(): each server in its own child process, this process generates the load.',
    ],
  };
}

export function allTables(r: Results): Table[] {
  return [
    calibrationTable(r.calibration),
    sizesTable(r.sizes),
    timingTable(r.browser),
    mainThreadTable(r.browser),
    clsTable(r.browser),
    submitTable(r.browser),
    writesTable(r.writes),
    serverTable(r.server),
    lighthouseTable(r.lighthouse),
    goalsTable(r),
  ];
}

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
