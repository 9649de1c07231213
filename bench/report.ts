/**
 * Turns the four parts' results into tables (printed and Markdown), the goals with met/short,
 * and the SVG bar chart of download sizes.
 */
import type { ServerBenchResult } from './server.js';
import type { BrowserResults, CaseName, CaseResult } from './browser.js';
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
  sizes: SizesResult;
  browser: BrowserResults;
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

export interface Goal {
  goal: string;
  figure: string;
  met: boolean;
}

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

const TIMED: CaseName[] = ['denied', 'subscriber', 'reserve', 'banner', 'reserveSubscriber'];

export function timingTable(b: BrowserResults): Table {
  const c = b.cases;
  return {
    title: `Part 2a: time from our script's start (ms, median (min–max) of ${b.runsPerCase}, CPU ${b.cpuThrottle}× throttled)`,
    head: ['page', 'first decided state', 'form shown', 'form painted', 'every country listed'],
    rows: TIMED.map((name) => [
      `${c[name].label}`,
      `${c[name].runs[0]?.record.decidedState ?? '?'}: ${ms(c[name].decided)}`,
      c[name].formRendered.runs ? ms(c[name].formRendered) : '—',
      c[name].formPainted.runs ? ms(c[name].formPainted) : '—',
      c[name].formComplete.runs ? ms(c[name].formComplete) : '—',
    ]),
    notes: [
      'The SDK simulator answers init at once (initDelay=0): a real SDK adds its config download before any decision.',
      'Between the SDK being ready and the decision the element waits its 30 ms debounce.',
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
    title:
      'Part 2b: main thread from our script start to the decision / every country listed and painted (CPU 4×)',
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

// ---- goals -------------------------------------------------------------------------------

export function goals(r: Results): Goal[] {
  const { sizes, browser, writes } = r;
  const c = browser.cases;
  const sub = sizes.ours.subscriber;
  const formFetches = c.subscriber.runsFetchingForm + c.reserveSubscriber.runsFetchingForm;
  const half = sizes.intlTelInputWithUtils.gzip / 2;
  const repeatViews = writes.ours.filter((v) => /^[24] /.test(v.view));
  const repeatWrites = repeatViews.reduce((n, v) => n + v.tagWrites + v.sentToOneSignal, 0);
  const formPath = c.denied;
  return [
    {
      goal: 'Push subscribers: ≤ 10 kB gzip from us',
      figure: `${kB(sub.gzip)} gzip (${kB(sub.brotli)} brotli)`,
      met: sub.gzip <= 10_000,
    },
    {
      goal: 'Push subscribers: no phone code at all',
      figure: `libphonenumber markers in ${sizes.subscriberFiles.join(', ')}: ${sizes.phoneCodeInSubscriberFiles.length ? sizes.phoneCodeInSubscriberFiles.join(', ') : 'none'}; form chunk fetched in ${formFetches} of ${c.subscriber.runs.length + c.reserveSubscriber.runs.length} subscriber page loads`,
      met: sizes.phoneCodeInSubscriberFiles.length === 0 && formFetches === 0,
    },
    {
      goal: 'Declined visitors: ≤ half of intl-tel-input with utils',
      figure: `${kB(sizes.ours.declined.gzip)} vs ${kB(sizes.intlTelInputWithUtils.gzip)} gzip = ${(sizes.ours.declined.gzip / sizes.intlTelInputWithUtils.gzip).toFixed(3)} (limit ${kB(half)}; brotli ${(sizes.ours.declined.brotli / sizes.intlTelInputWithUtils.brotli).toFixed(3)})`,
      met: sizes.ours.declined.gzip <= half,
    },
    {
      goal: 'Form path, CPU 4×: no long task (> 50 ms) from the element',
      figure: `${formPath.runsWithLongTask}/${formPath.runs.length} runs had one; per run ${dec(formPath.longTasks.count, 0)}, longest ${ms(formPath.longTasks.maxMs)} (the page's own long tasks in the same window, not counted: ${dec(formPath.longTasks.pageOwn, 0)} per run)`,
      met: formPath.runsWithLongTask === 0,
    },
    {
      goal: 'CLS 0 in banner layout',
      figure: `banner ${dec(c.banner.cls, 3)}`,
      met: c.banner.cls.max === 0,
    },
    {
      goal: 'CLS 0 inline with reserve-space',
      figure: `reserve-space ${dec(c.reserve.cls, 3)} (without: ${dec(c.denied.cls, 3)}; subscriber with reserve-space: ${dec(c.reserveSubscriber.cls, 3)})`,
      met: c.reserve.cls.max === 0,
    },
    {
      goal: 'OneSignal writes on a repeat page view: 0',
      figure: `ours ${repeatWrites} on views 2 and 4; sample model ${writes.sample
        .filter((v) => /^[24] /.test(v.view))
        .reduce((n, v) => n + v.tagWrites, 0)}`,
      met: repeatWrites === 0,
    },
  ];
}

export function goalsTable(list: Goal[]): Table {
  return {
    title: 'Goals',
    head: ['goal', 'figure', 'verdict'],
    rows: list.map((g) => [g.goal, g.figure, g.met ? 'met' : 'short']),
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
    sizesTable(r.sizes),
    timingTable(r.browser),
    mainThreadTable(r.browser),
    clsTable(r.browser),
    submitTable(r.browser),
    writesTable(r.writes),
    serverTable(r.server),
    goalsTable(goals(r)),
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
    `- Node ${m.node}, Chromium ${m.chromium} (headless, ${r.browser.cpuThrottle}× CPU throttling), esbuild ${m.esbuild}`,
    `- Commit ${m.commit}`,
    `- Load average (1, 5, 15 min) at start ${m.loadBefore.map((l) => l.toFixed(2)).join(', ')}, at end ${m.loadAfter.map((l) => l.toFixed(2)).join(', ')}.` +
      (Math.max(...m.loadBefore, ...m.loadAfter) > m.cores * 0.75
        ? ' Other work was using the CPU during the run: timed figures are noisier and slower than on an idle machine.'
        : ''),
    '',
    '## Goals',
    '',
    ...verdicts.map((g) => `- **${g.met ? 'met' : 'short'}**: ${g.goal}: ${g.figure}`),
    '',
    '![gzip sizes](sizes.svg)',
    '',
    '## Method',
    '',
    '1. **Bytes.** Ours are read from `dist/` as `npm run build` left it, with `scriptTagSizes()` and `weigh()` from scripts/bundle-sizes.mjs (minified by the package build; gzip level 9; brotli quality 11). A push subscriber downloads the script-tag bundle; a declined visitor also the lazily loaded form chunk (form, consent text, English, libphonenumber-js/min) and, outside English, a locale chunk (the largest is counted). The alternatives are built in the same run with esbuild (`bundle`, `minify`, `format: esm`, `platform: browser`, no legal comments, like our terser build) from the entries in `bench/entries/`, and weighed the same way. CSS an alternative needs as a separate file is minified with esbuild and added: intl-tel-input (both versions) and Shoelace (its light theme holds the design tokens sl-input uses). Material keeps its styles in JS. Flag images are not counted.',
    `2. **Browser.** Headless Chromium ${m.chromium}, CPU throttled ${r.browser.cpuThrottle}× with CDP \`Emulation.setCPUThrottlingRate\` (set on the page's initial about:blank before the measured navigation; it carries over), viewport ${r.browser.viewport.width}×${r.browser.viewport.height}, pages served by one \`node:http\` server on 127.0.0.1. Every run uses a fresh browser context (cold cache, empty storage). The OneSignal page SDK is the project's simulator (demo/simulators/onesignal-page-sdk.ts, compiled with esbuild) with \`initDelay=0\`. Our script is a \`type="module" async\` script, as the README recommends; times start when it had arrived (its resource timing \`responseEnd\`: an async module runs as soon as it has, never earlier). A module script in the head (bench/pages/probe.ts) watches the element's \`state\` attribute (MutationObserver), its shadow root, \`longtask\`, \`long-animation-frame\` and \`layout-shift\` entries. Cases run interleaved, ${r.browser.runsPerCase} runs each after one uncounted warm-up; figures are median (min–max).`,
    "3. **OneSignal writes.** One context per subject, so the simulator's persisted visitor (localStorage) carries over: view 1 with push denied (reset), view 2 the same, then during view 2 the visitor grants push (`OneSignalSimulator.grant()`), view 3 after the grant and view 4 repeating it. Counted per view from `OneSignalSimulator.calls` after 0.7 s of quiet once the page has decided.",
    '4. **Server.** `runServerBench()` from bench/server.ts.',
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
