/**
 * Turns the parts' results into tables (printed and Markdown), with the goals (bench/goals.ts),
 * and the SVG bar chart of download sizes.
 */
import type { ServerBenchResult } from './server.js';
import type { BrowserResults, CaseName, CaseResult } from './browser.js';
import { pct, type Calibration } from './calibrate.js';
import { goals, goalsTable } from './goals.js';
import type { LighthouseResult } from './lighthouse.js';
import { SDK_TIMING_NOTE } from './pages/sdk-timing.js';
import type { WritesResult } from './onesignal-writes.js';
import type { SizesResult } from './sizes.js';
import { kB, spread, type Summary } from './stats.js';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  chromium: string;
  esbuild: string;
  commit: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface Results {
  machine: Machine;
  calibration: Calibration;
  /** Why the run is noisy (load, calibration); empty on a clean run. */
  noise: string[];
  sizes: SizesResult;
  browser: BrowserResults;
  lighthouse: LighthouseResult;
  writes: WritesResult;
  server: ServerBenchResult;
  /** Wall time of each part. */
  partsMs: Record<string, number>;
  elapsedMs: number;
}

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  right?: number[];
  notes?: string[];
}

const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const ms = (s: Summary) => spread(s, 0, ' ms');
const dec = (s: Summary, d: number) => spread(s, d);

// ---- the phone ---------------------------------------------------------------------------

const index = (x: Summary) => spread(x, 0);

export function calibrationTable(c: Calibration): Table {
  const row = (what: string, sample: Calibration['host']) => [
    what,
    `${sample.rate}×`,
    index(sample.index),
    pct(sample.spread),
  ];
  return {
    title: `The calibrated phone: ${c.target.name}, benchmarkIndex ${c.target.benchmarkIndex}; CPU throttling ${c.factor}×`,
    head: ['measurement', 'CPU throttling', 'benchmarkIndex, median (min–max)', 'spread'],
    right: [1, 2, 3],
    rows: [
      row(`host (try ${c.hostTries})`, c.host),
      ...c.steps.map((step, i) => row(`search ${i + 1}`, step)),
      ...(c.after ? [row('after the browser cases', c.after)] : []),
    ],
    notes: [
      `Lighthouse's benchmarkIndex workload (1 s per sample, a warm-up and 3 samples per row, each row in a fresh context), searched like Chrome DevTools' CPU calibration: the rate at which the throttled page scores ${c.target.benchmarkIndex} ± ${pct(c.margin)}. Stable means every row's spread ((max − min) ÷ median) is within ${pct(c.margin)} and the rate still scores the target after the cases.`,
      c.problems.length
        ? `Calibration did not hold: ${c.problems.join('; ')}. The host is too noisy to calibrate; timed figures are not about the target phone.`
        : `Calibration held: the host scored ${index(c.host.index)} (host ÷ target ${(c.host.index.median / c.target.benchmarkIndex).toFixed(2)}), the rate ${c.factor}× scored the target before and after the cases.`,
      "Target: Lighthouse 12's mobile device (its screen emulation and user agent are a moto g power (2022)); 264 is the benchmarkIndex Chrome DevTools' calibration uses for that phone (its low-tier target); Lighthouse's docs class 125–800 as mid-tier mobile.",
    ],
  };
}

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
    title: `Part 2a: times on the calibrated phone (CPU ${b.cpuThrottle}×), ms from our script's start unless said, median (min–max) of ${b.runsPerCase}`,
    head: [
      'page',
      'SDK ready',
      'first decided state',
      'decided after SDK ready',
      'form shown after decision',
      'form painted',
      'every country listed',
      'init called after the SDK loaded',
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
      "SDK ready: init set OneSignal.config (the namespaces go live in the same task); the probe sees it through accessors on window.OneSignal and its config, without polling. 'init called after the SDK loaded': from the SDK's es6 stage setting window.OneSignal to the element's OneSignal.init call; the element queues init as soon as the SDK runs its queue unless it waits for a page's own late snippet (issue 12's rule), so this is that rule's cost on pages relying on app-id.",
      `Init held: init resolved ${ms(c.initHeld.initHeldMs)} after readiness in that case (the simulator's initHold switch; 0 without it).`,
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
      'From bench/server.ts runServerBench(): each server in its own child process, this process generates the load.',
    ],
  };
}

// ---- part 5 ------------------------------------------------------------------------------

export function lighthouseTable(l: LighthouseResult): Table {
  const p = l.pages;
  const row = (name: keyof LighthouseResult['pages']) => [
    p[name].label,
    index(p[name].performance),
    index(p[name].accessibility),
    ms(p[name].tbtMs),
    dec(p[name].cls, 3),
    ms(p[name].lcpMs),
    ms(p[name].maxFidMs),
  ];
  const ratio = (key: 'performance' | 'accessibility' | 'tbtMs' | 'lcpMs' | 'maxFidMs') =>
    `${(p.ours[key].median / p.intlTelInput[key].median).toFixed(2)}`;
  return {
    title: `Part 5: Lighthouse ${l.version} (mobile, simulated throttling, CPU slowdown ${l.cpuSlowdown}×), median of ${l.runsPerPage} per page`,
    head: ['page', 'performance', 'accessibility', 'TBT', 'CLS', 'LCP', 'max potential FID'],
    right: [1, 2, 3, 4, 5, 6],
    rows: [
      row('ours'),
      row('intlTelInput'),
      [
        'ours ÷ intl-tel-input',
        ratio('performance'),
        ratio('accessibility'),
        ratio('tbtMs'),
        p.intlTelInput.cls.median
          ? (p.ours.cls.median / p.intlTelInput.cls.median).toFixed(2)
          : '—',
        ratio('lcpMs'),
        ratio('maxFidMs'),
      ],
      row('subscriber'),
      row('bare'),
    ],
    notes: [
      "Lighthouse's CLI with its defaults (mobile form factor, Moto G Power screen, simulated slow 4G) and --throttling.cpuSlowdownMultiplier set to the calibrated rate instead of its fixed 4×, on the same Chromium and flags, one fresh Chromium per audit, pages interleaved. JSON reports in bench/results/lighthouse/ (not committed).",
      "Our declined page uses reserve-space (the README's setup where most visitors see the form); the subscriber page does not (its reserved room would collapse). The intl-tel-input page has its form in the HTML from the start and loads the same SDK with the standard snippet. Both load the simulated SDK held as on the phone's network.",
      `Lighthouse's own benchmarkIndex, unthrottled, per page: ${Object.values(p)
        .map((x) => `${x.label} ${index(x.benchmarkIndex)}`)
        .join('; ')}.`,
      ...(l.errors.length ? [`Audits that failed: ${l.errors.join('; ')}.`] : []),
    ],
  };
}

// ---- rendering ---------------------------------------------------------------------------

export function textTable(t: Table): string {
  const widths = t.head.map((h, i) =>
    Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        t.right?.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [
    t.title,
    line(t.head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...(t.notes ?? []).map((n) => `  · ${n}`),
  ].join('\n');
}

export function markdownTable(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const align = t.head.map((_, i) => (t.right?.includes(i) ? '---:' : '---'));
  return [
    `### ${t.title}`,
    '',
    `| ${t.head.map(esc).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
    ...(t.notes ?? []).map((n) => `- ${n}`),
  ].join('\n');
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
    goalsTable(goals(r), r.noise),
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
    `- Load average (1, 5, 15 min) at start ${m.loadBefore.map((l) => l.toFixed(2)).join(', ')}, at end ${m.loadAfter.map((l) => l.toFixed(2)).join(', ')}.`,
    `- ${r.noise.length ? `**Noisy run**: ${r.noise.join('; ')}.` : '**Clean run.**'}`,
    '',
    '## Goals',
    '',
    ...verdicts.map(
      (g) => `- **${g.verdict}**: ${g.goal}: ${g.figure}; limit ${g.limit}; ${g.margin}.`,
    ),
    '',
    '![gzip sizes](sizes.svg)',
    '',
    '## Method',
    '',
    '1. **Bytes.** Ours are read from `dist/` as `npm run build` left it, with `scriptTagSizes()` and `weigh()` from scripts/bundle-sizes.mjs (minified by the package build; gzip level 9; brotli quality 11). A push subscriber downloads the script-tag bundle; a declined visitor also the lazily loaded form chunk (form, consent text, English, libphonenumber-js/min) and, outside English, a locale chunk (the largest is counted). The alternatives are built in the same run with esbuild (`bundle`, `minify`, `format: esm`, `platform: browser`, no legal comments, like our terser build) from the entries in `bench/entries/`, and weighed the same way. CSS an alternative needs as a separate file is minified with esbuild and added: intl-tel-input (both versions) and Shoelace (its light theme holds the design tokens sl-input uses). Material keeps its styles in JS. Flag images are not counted.',
    `0. **The phone.** See the calibration table: the CPU throttling rate at which this host scores ${r.calibration.target.name}'s benchmarkIndex, used by the browser cases and Lighthouse. A run is clean when the 1-minute load average at the start is below 1 (less than one core's worth of other work) and the calibration held; on a noisy run a missed timed goal is "inconclusive".`,
    `2. **Browser.** Headless Chromium ${m.chromium}, CPU throttled ${r.browser.cpuThrottle}× (calibrated) with CDP \`Emulation.setCPUThrottlingRate\` (set on the page's initial about:blank before the measured navigation; it carries over), viewport ${r.browser.viewport.width}×${r.browser.viewport.height}, pages served by one \`node:http\` server on 127.0.0.1. Every run uses a fresh browser context (cold cache, empty storage). The OneSignal page SDK is the project's simulator (demo/simulators/onesignal-page-sdk.ts, compiled with esbuild), timed like the real one on the phone's network: ${SDK_TIMING_NOTE} Our script is a \`type="module" async\` script, as the README recommends; times start when it had arrived (its resource timing \`responseEnd\`: an async module runs as soon as it has, never earlier). A module script in the head (bench/pages/probe.ts) watches the element's \`state\` attribute (MutationObserver), its shadow root, \`longtask\`, \`long-animation-frame\` and \`layout-shift\` entries. Cases run interleaved, ${r.browser.runsPerCase} runs each after one uncounted warm-up; figures are median (min–max).`,
    "3. **OneSignal writes.** One context per subject, so the simulator's persisted visitor (localStorage) carries over: view 1 with push denied (reset), view 2 the same, then during view 2 the visitor grants push (`OneSignalSimulator.grant()`), view 3 after the grant and view 4 repeating it. Counted per view from `OneSignalSimulator.calls` after 0.7 s of quiet once the page has decided.",
    '4. **Server.** `runServerBench()` from bench/server.ts.',
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

// ---- chart -------------------------------------------------------------------------------

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar per download, gzip kB, with the two size goals as lines. */
export function sizesSvg(s: SizesResult): string {
  const labelWidth = 440;
  const barMax = 440;
  const rowHeight = 26;
  const top = 48;
  const width = labelWidth + barMax + 110;
  const height = top + s.rows.length * rowHeight + 44;
  const max = Math.max(...s.rows.map((r) => r.total.gzip));
  const x = (bytes: number) => labelWidth + (bytes / max) * barMax;
  const colour = { ours: '#1a56db', alternative: '#8c959f', parts: '#c4c9cf' };
  const bars = s.rows.map((r, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, x(r.total.gzip) - labelWidth);
    const name = r.kind === 'parts' ? `${r.name} (assembled)` : r.name;
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${xml(name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${colour[r.kind]}"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}">${kB(r.total.gzip, 1)}</text>`,
    ].join('');
  });
  const line = (bytes: number, label: string, dy: number) => {
    const lx = x(bytes).toFixed(1);
    return `<line x1="${lx}" y1="${top - 6}" x2="${lx}" y2="${height - 36}" stroke="#b42318" stroke-dasharray="4 3"/><text x="${lx}" y="${height - 36 + dy}" fill="#b42318" text-anchor="middle">${xml(label)}</text>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" font-size="15" font-weight="600">What a visitor downloads, gzip (JS + required CSS)</text>
${bars.join('\n')}
${line(10_000, 'subscriber goal 10 kB', 14)}
${line(s.intlTelInputWithUtils.gzip / 2, 'declined goal: ½ intl-tel-input + utils', 28)}
</svg>
`;
}
