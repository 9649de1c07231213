/**
 * Part 2: the element in headless Chromium on the calibrated phone (bench/calibrate.ts: the CPU
 * throttling rate at which this host scores the target phone's benchmarkIndex), pages from the
 * loopback server, the simulated SDK taking the real one's time (bench/pages/sdk-timing.ts).
 * One browser; every run gets a fresh context (a new renderer process: cold caches, empty
 * storage) and page. The throttle is set on the page's initial about:blank before the measured
 * navigation (it carries over navigations), and the page's probe (bench/pages/probe.ts)
 * records the times.
 * Cases are interleaved run by run, so background load spreads over all of them evenly.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';
import type { BenchWindow, ProbeRecord } from './pages/record.js';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { summarize, type Summary } from './stats.js';

export const VIEWPORT = { width: 1280, height: 800 };
/** Idle time after the end point, so late layout shifts are reported before reading them. */
export const SETTLE_MS = 200;
const TIMEOUT_MS = 30_000;
/** The number a visitor types; valid with the min metadata and US as the default country. */
const PHONE = '+14155552671';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

export type CaseName =
  | 'denied'
  | 'subscriber'
  | 'sdkDenied'
  | 'sdkSubscriber'
  | 'reserve'
  | 'banner'
  | 'reserveSubscriber'
  | 'initHeld';

/** What each case loads; `reset=1` starts the SDK simulator from its URL's state. */
export const CASES: Record<CaseName, { path: string; label: string }> = {
  denied: {
    path: '/page/element?visitor=denied&reset=1',
    label: 'declined visitor, inline (also submit → done)',
  },
  subscriber: { path: '/page/element?visitor=subscriber&reset=1', label: 'push subscriber' },
  sdkDenied: {
    path: '/page/sdk-only?visitor=denied&reset=1',
    label: 'baseline: SDK + init only, declined visitor',
  },
  sdkSubscriber: {
    path: '/page/sdk-only?visitor=subscriber&reset=1',
    label: 'baseline: SDK + init only, push subscriber',
  },
  reserve: {
    path: '/page/element?visitor=denied&reserve=1&reset=1',
    label: 'declined visitor, inline with reserve-space',
  },
  banner: {
    path: '/page/element?visitor=denied&layout=banner&reset=1',
    label: 'declined visitor, layout="banner"',
  },
  reserveSubscriber: {
    path: '/page/element?visitor=subscriber&reserve=1&reset=1',
    label: 'push subscriber, inline with reserve-space',
  },
  initHeld: {
    path: '/page/element?visitor=denied&hold=1&reset=1',
    label: 'declined visitor, init held 2 s after readiness (issue 12)',
  },
};

export interface Run {
  record: ProbeRecord;
  /** Layout shifts without recent input, summed when the end point has settled (before any interaction). */
  cls: number;
  /** The same shifts split at the decision and at the form's first render. */
  clsByPhase: { startup: number; decided: number; rendered: number };
  /** CDP Performance.getMetrics at the end point, in ms (durations) or counts. */
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
}

export interface LongTaskStats {
  /** Long tasks from the element (see `fromElement`). */
  count: number;
  maxMs: number;
  /** Sum of (duration − 50 ms): Total Blocking Time of the window. */
  blockingMs: number;
  /** Time of dist/ scripts inside long animation frames of the window. */
  distInLongFramesMs: number;
  /** The page's own long tasks in the window: none of our script, before the form. */
  pageOwn: number;
}

export interface CaseResult {
  name: CaseName;
  label: string;
  runs: Run[];
  /** Window end − t0, ms: every country listed and painted (declined), push decided (subscriber), SDK ready (baseline). */
  decided: Summary;
  /** SDK readiness − t0, and the decision − readiness (the element's own reaction time). */
  sdkReady: Summary;
  decidedAfterReady: Summary;
  /** The form visible − the decision. */
  shownAfterDecision: Summary;
  /** `init` first called − the SDK's es6 stage ran: how long init waits once the SDK is there. */
  initAfterSdkLoaded: Summary;
  formRendered: Summary;
  formPainted: Summary;
  formComplete: Summary;
  windowMs: Summary;
  scriptMs: Summary;
  taskMs: Summary;
  longTasks: {
    count: Summary;
    maxMs: Summary;
    blockingMs: Summary;
    distInLongFramesMs: Summary;
    pageOwn: Summary;
  };
  runsWithLongTask: number;
  /**
   * Longest task per phase of the form path (by start time): start-up until the decision,
   * then until the form is shown (form chunk evaluated, the form built out of sight), then until painted,
   * then until every country is listed and painted.
   */
  phases: { startup: Summary; formLoad: Summary; formPaint: Summary; listing: Summary };
  /** Script time inside long animation frames of the window, by script and entry point. */
  longFrameScripts: { script: string; ms: Summary }[];
  cls: Summary;
  /** CLS before the decision (the element upgrading), from the decision to the form's render, and after. */
  clsByPhase: { startup: Summary; decided: Summary; rendered: Summary };
  submitToDone: Summary;
  submitLongTasks: Summary;
  /** Runs in which the page fetched the form chunk. */
  runsFetchingForm: number;
}

export interface BrowserResults {
  chromium: string;
  runsPerCase: number;
  /** The calibrated CPU throttling rate. */
  cpuThrottle: number;
  viewport: typeof VIEWPORT;
  settleMs: number;
  elapsedMs: number;
  cases: Record<CaseName, CaseResult>;
}

async function openThrottled(
  browser: Browser,
  rate: number,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const readRecord = (page: Page) =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as BenchWindow).__bench)) as ProbeRecord);

async function runOnce(
  browser: Browser,
  origin: string,
  name: CaseName,
  rate: number,
): Promise<Run> {
  const { context, page, cdp } = await openThrottled(browser, rate);
  try {
    // Module scripts (the probe among them) have run by DOMContentLoaded.
    await page.goto(origin + CASES[name].path, { waitUntil: 'domcontentloaded' });
    await withTimeout(
      page.evaluate(() => (window as BenchWindow).__benchReady),
      `${name}: end point`,
    );
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (key: string) => (metrics.find((m) => m.name === key)?.value ?? 0) * 1000;
    let record = await readRecord(page);
    const shifts = record.shifts.filter((shift) => !shift.hadRecentInput);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    const decided = record.decided ?? Infinity;
    const rendered = record.formRendered ?? Infinity;
    const clsByPhase = { startup: 0, decided: 0, rendered: 0 };
    for (const shift of shifts) {
      const phase =
        shift.start < decided ? 'startup' : shift.start < rendered ? 'decided' : 'rendered';
      clsByPhase[phase] += shift.value;
    }
    if (name === 'denied') {
      await page.evaluate((phone) => (window as BenchWindow).__benchFill?.(phone), PHONE);
      await page.evaluate(() => (window as BenchWindow).__benchSubmit?.());
      await withTimeout(
        page.evaluate(() => (window as BenchWindow).__benchDone),
        `${name}: done`,
      );
      record = await readRecord(page);
    }
    return {
      record,
      cls,
      clsByPhase,
      scriptMs: metric('ScriptDuration'),
      taskMs: metric('TaskDuration'),
      layoutMs: metric('LayoutDuration'),
      styleMs: metric('RecalcStyleDuration'),
    };
  } finally {
    await context.close();
  }
}

/** The end of the element's start-up window in a run. */
function windowEnd(name: CaseName, r: ProbeRecord): number | null {
  if (name === 'sdkDenied' || name === 'sdkSubscriber') return r.sdkReady;
  if (r.decidedState === 'push') return r.decided;
  return r.formComplete;
}

const overlaps = (start: number, duration: number, from: number, to: number) =>
  start + duration > from && start < to;

type Task = ProbeRecord['longTasks'][number];

const isOurs = (url: string) => url.startsWith('/dist/');

/**
 * Whether the element is answerable for a long task: one of our scripts ran in it (long
 * animation frames name every script of 5 ms or more, with its start), or it came once the
 * element had put the form in its shadow root (its style, layout and paint, and all that
 * follows). What is left before that without our script is the page's own: its parsing, first
 * layout and paint, the SDK.
 */
function fromElement(r: ProbeRecord, task: Task): boolean {
  if (r.formAttached != null && task.start + task.duration > r.formAttached) return true;
  return r.frames.some((frame) =>
    frame.scripts.some(
      (s) => isOurs(s.url) && overlaps(s.start, s.duration, task.start, task.start + task.duration),
    ),
  );
}

function longTasksIn(r: ProbeRecord, from: number, to: number): LongTaskStats {
  const inWindow = r.longTasks.filter((t) => overlaps(t.start, t.duration, from, to));
  const tasks = inWindow.filter((t) => fromElement(r, t));
  const frames = r.frames.filter((f) => overlaps(f.start, f.duration, from, to));
  return {
    count: tasks.length,
    maxMs: Math.max(0, ...tasks.map((t) => t.duration)),
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    distInLongFramesMs: frames
      .flatMap((f) => f.scripts)
      .filter((s) => isOurs(s.url))
      .reduce((sum, s) => sum + s.duration, 0),
    pageOwn: inWindow.length - tasks.length,
  };
}

/** The longest task from the element that started in (from, to], or overlapping `from` when it is the start. */
function longest(r: ProbeRecord, from: number, to: number): number {
  const tasks = r.longTasks.filter(
    (t) =>
      fromElement(r, t) &&
      (from === r.t0
        ? overlaps(t.start, t.duration, from, to) && t.start <= to
        : t.start > from && t.start <= to),
  );
  return Math.max(0, ...tasks.map((t) => t.duration));
}

const since = (r: ProbeRecord, t: number | null) => (t == null ? [] : [t - r.t0]);
const between = (from: number | null, to: number | null) =>
  from == null || to == null ? [] : [to - from];

/** `/dist/x.js via import.then`: who ran in the long frames of the window, per run. */
function longFrameScripts(r: ProbeRecord, from: number, to: number): Map<string, number> {
  const byScript = new Map<string, number>();
  for (const frame of r.frames.filter((f) => overlaps(f.start, f.duration, from, to))) {
    for (const s of frame.scripts) {
      const invoker = s.invoker.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
      const key = `${s.url || '(page)'} via ${invoker === s.url ? 'evaluation' : invoker}`;
      byScript.set(key, (byScript.get(key) ?? 0) + s.duration);
    }
  }
  return byScript;
}

function topLongFrameScripts(per: Map<string, number>[]): CaseResult['longFrameScripts'] {
  const keys = new Set(per.flatMap((m) => [...m.keys()]));
  return [...keys]
    .map((script) => ({ script, ms: summarize(per.map((m) => m.get(script) ?? 0)) }))
    .sort((a, b) => b.ms.median - a.ms.median)
    .slice(0, 5);
}

function analyse(name: CaseName, runs: Run[]): CaseResult {
  const records = runs.map((r) => r.record);
  const windows = records.map((r) => {
    const end = windowEnd(name, r) ?? r.t0;
    return { r, end, tasks: longTasksIn(r, r.t0, end) };
  });
  const submitted = records.filter((r) => r.submitAt != null && r.done != null);
  return {
    name,
    label: CASES[name].label,
    runs,
    decided: summarize(records.flatMap((r) => since(r, r.decided ?? r.sdkReady))),
    sdkReady: summarize(records.flatMap((r) => since(r, r.sdkReady))),
    decidedAfterReady: summarize(records.flatMap((r) => between(r.sdkReady, r.decided))),
    shownAfterDecision: summarize(records.flatMap((r) => between(r.decided, r.formRendered))),
    initAfterSdkLoaded: summarize(records.flatMap((r) => between(r.sdkLoaded, r.initStart))),
    formRendered: summarize(records.flatMap((r) => since(r, r.formRendered))),
    formPainted: summarize(records.flatMap((r) => since(r, r.formPainted))),
    formComplete: summarize(records.flatMap((r) => since(r, r.formComplete))),
    windowMs: summarize(windows.map((w) => w.end - w.r.t0)),
    scriptMs: summarize(runs.map((r) => r.scriptMs)),
    taskMs: summarize(runs.map((r) => r.taskMs)),
    longTasks: {
      count: summarize(windows.map((w) => w.tasks.count)),
      maxMs: summarize(windows.map((w) => w.tasks.maxMs)),
      blockingMs: summarize(windows.map((w) => w.tasks.blockingMs)),
      distInLongFramesMs: summarize(windows.map((w) => w.tasks.distInLongFramesMs)),
      pageOwn: summarize(windows.map((w) => w.tasks.pageOwn)),
    },
    runsWithLongTask: windows.filter((w) => w.tasks.count > 0).length,
    phases: {
      startup: summarize(windows.map((w) => longest(w.r, w.r.t0, w.r.decided ?? w.end))),
      formLoad: summarize(
        windows.map((w) => longest(w.r, w.r.decided ?? w.end, w.r.formRendered ?? w.end)),
      ),
      formPaint: summarize(
        windows.map((w) => longest(w.r, w.r.formRendered ?? w.end, w.r.formPainted ?? w.end)),
      ),
      listing: summarize(windows.map((w) => longest(w.r, w.r.formPainted ?? w.end, w.end))),
    },
    longFrameScripts: topLongFrameScripts(windows.map((w) => longFrameScripts(w.r, w.r.t0, w.end))),
    cls: summarize(runs.map((r) => r.cls)),
    clsByPhase: {
      startup: summarize(runs.map((r) => r.clsByPhase.startup)),
      decided: summarize(runs.map((r) => r.clsByPhase.decided)),
      rendered: summarize(runs.map((r) => r.clsByPhase.rendered)),
    },
    submitToDone: summarize(submitted.map((r) => r.done! - r.submitAt!)),
    submitLongTasks: summarize(submitted.map((r) => longTasksIn(r, r.submitAt!, r.done!).count)),
    runsFetchingForm: records.filter((r) => r.resources.some((u) => /-form-/.test(u))).length,
  };
}

export async function measureBrowser(
  browser: Browser,
  origin: string,
  runsPerCase: number,
  rate: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BrowserResults> {
  const started = performance.now();
  const names = Object.keys(CASES) as CaseName[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as Run[]])) as Record<CaseName, Run[]>;
  // One warm-up load, not counted: fresh contexts share no cache, but the OS has Chromium's
  // renderer paged in before anything is timed.
  await runOnce(browser, origin, 'denied', rate);
  for (let i = 0; i < runsPerCase; i++) {
    for (const name of names) runs[name].push(await runOnce(browser, origin, name, rate));
    onProgress(i + 1, runsPerCase);
  }
  return {
    chromium: browser.version(),
    runsPerCase,
    cpuThrottle: rate,
    viewport: VIEWPORT,
    settleMs: SETTLE_MS,
    elapsedMs: performance.now() - started,
    cases: Object.fromEntries(names.map((n) => [n, analyse(n, runs[n])])) as Record<
      CaseName,
      CaseResult
    >,
  };
}
