/** Part 2's tables: the browser cases' times, main thread, layout shifts and submit. */
import type { CaseName } from '../browser/cases.js';
import type { BrowserResults } from '../browser/measure.js';
import { INIT_HOLD_MS, SDK_TIMING_NOTE } from '../browser/pages/sdk-timing.js';
import { spread, type Summary } from '../shared/stats.js';
import type { Table } from './render.js';

const ms = (s: Summary) => spread(s, 0, ' ms');
const dec = (s: Summary, d: number) => spread(s, d);

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
