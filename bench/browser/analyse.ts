/**
 * Part 2's analysis: from the probe's records of a case's runs to its figures. Which long tasks
 * are the element's, the start-up window, the phases of the form path, and the summaries.
 */
import type { CaseName, Run } from './cases.js';
import type { ProbeRecord } from './pages/record.js';
import { summarize, type Summary } from '../shared/stats.js';

interface LongTaskStats {
  /** Long tasks from the element (see `fromElement`). */
  count: number;
  maxMs: number;
  /** Sum of (duration − 50 ms): Total Blocking Time of the window. */
  blockingMs: number;
  /** The page's own long tasks in the window: none of our script, before the form. */
  pageOwn: number;
}

export interface CaseResult {
  label: string;
  runs: Run[];
  /** Window end − t0, ms: every country listed and painted (declined), push decided (subscriber), SDK ready (baseline). */
  decided: Summary;
  /** SDK readiness − t0, and the decision − readiness (the element's own reaction time). */
  sdkReady: Summary;
  decidedAfterReady: Summary;
  /** The form visible − the decision. */
  shownAfterDecision: Summary;
  /** `init` first called − the SDK's script arrived: how long init waits once the SDK is there. */
  initAfterSdkLoaded: Summary;
  formPainted: Summary;
  formComplete: Summary;
  windowMs: Summary;
  scriptMs: Summary;
  taskMs: Summary;
  longTasks: {
    count: Summary;
    maxMs: Summary;
    blockingMs: Summary;
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
  return {
    count: tasks.length,
    maxMs: Math.max(0, ...tasks.map((t) => t.duration)),
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
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

export function analyse(name: CaseName, label: string, runs: Run[]): CaseResult {
  const records = runs.map((r) => r.record);
  const windows = records.map((r) => {
    const end = windowEnd(name, r) ?? r.t0;
    return { r, end, tasks: longTasksIn(r, r.t0, end) };
  });
  const submitted = records.filter((r) => r.submitAt != null && r.done != null);
  return {
    label,
    runs,
    decided: summarize(records.flatMap((r) => since(r, r.decided ?? r.sdkReady))),
    sdkReady: summarize(records.flatMap((r) => since(r, r.sdkReady))),
    decidedAfterReady: summarize(records.flatMap((r) => between(r.sdkReady, r.decided))),
    shownAfterDecision: summarize(records.flatMap((r) => between(r.decided, r.formRendered))),
    initAfterSdkLoaded: summarize(records.flatMap((r) => between(r.sdkLoaded, r.initStart))),
    formPainted: summarize(records.flatMap((r) => since(r, r.formPainted))),
    formComplete: summarize(records.flatMap((r) => since(r, r.formComplete))),
    windowMs: summarize(windows.map((w) => w.end - w.r.t0)),
    scriptMs: summarize(runs.map((r) => r.scriptMs)),
    taskMs: summarize(runs.map((r) => r.taskMs)),
    longTasks: {
      count: summarize(windows.map((w) => w.tasks.count)),
      maxMs: summarize(windows.map((w) => w.tasks.maxMs)),
      blockingMs: summarize(windows.map((w) => w.tasks.blockingMs)),
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
