/**
 * The in-page probe of the browser benchmark, a module script in the page's head. `t0` is when
 * the script marked `data-measured` (ours, `type="module" async` as the README recommends, or the
 * baseline's) had arrived: an async module runs as soon as it has, so it cannot start earlier.
 * It records what the element decides and when, long tasks, long animation frames and layout
 * shifts, and exposes promises the runner awaits (no polling from outside: polling would add
 * page work).
 *
 * `<html data-until="form|push|sdk">` says what the page waits for.
 */
import { SIMULATOR_PATH } from './sdk-timing.js';
import type { BenchWindow, ProbeRecord } from './record.js';

const w = window as BenchWindow;
const record: ProbeRecord = {
  t0: 0,
  decidedState: null,
  decided: null,
  formAttached: null,
  formRendered: null,
  formPainted: null,
  formComplete: null,
  sdkLoaded: null,
  sdkReady: null,
  initStart: null,
  submitAt: null,
  done: null,
  longTasks: [],
  frames: [],
  shifts: [],
  resources: [],
};
w.__bench = record;

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}
interface ScriptTiming {
  startTime: number;
  sourceURL: string;
  invoker: string;
  duration: number;
}
interface LongFrameEntry extends PerformanceEntry {
  scripts: ScriptTiming[];
}

const observe = (type: string, take: (entry: PerformanceEntry) => void) => {
  if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
  new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({
    type,
    buffered: true,
  });
};
// Registered in a task of their own: the entries are buffered, so none is missed, and the
// task that runs our module (this probe runs in it too) carries no measuring work.
setTimeout(() => {
  observe('longtask', (e) => record.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => {
    const shift = e as LayoutShiftEntry;
    record.shifts.push({
      start: shift.startTime,
      value: shift.value,
      hadRecentInput: shift.hadRecentInput,
    });
  });
  observe('long-animation-frame', (e) => {
    const frame = e as LongFrameEntry;
    record.frames.push({
      start: frame.startTime,
      duration: frame.duration,
      scripts: frame.scripts.map((s) => ({
        url: s.sourceURL ? new URL(s.sourceURL, location.href).pathname : '',
        invoker: s.invoker,
        start: s.startTime,
        duration: s.duration,
      })),
    });
  });
});

const until = document.documentElement.dataset['until'] ?? 'form';
let ready = () => {};
w.__benchReady = new Promise<void>((resolve) => (ready = resolve));
let finished = () => {};
w.__benchDone = new Promise<void>((resolve) => (finished = resolve));

/** From a frame's animation callbacks: the first task after that frame has been produced. */
const afterThisFrame = (then: () => void) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = then;
  channel.port2.postMessage(null);
};

/** After the next frame has been produced: rAF runs before paint, the task after it runs after. */
const afterPaint = (then: () => void) => requestAnimationFrame(() => afterThisFrame(then));

const element = document.querySelector('push-sms-fallback');
if (element) {
  let watchingShadow = false;
  let listing = false;
  let checking = false;
  // Whether the form is visible is a question about style: asked in a frame's animation
  // callbacks, where that frame's style is worked out anyway, never in the element's own tasks
  // (that would force style and layout into them).
  const checkShown = () => {
    checking = false;
    const root = element.shadowRoot;
    // The form shows its phone field, or in banner layout its first step: the button opening it.
    const firstStep = root?.querySelector('[part~="expand"]');
    const shown = root?.querySelector('#phone') ?? firstStep;
    if (record.formRendered == null && shown?.checkVisibility({ visibilityProperty: true })) {
      record.formRendered = performance.now();
      afterThisFrame(() => (record.formPainted = performance.now()));
    }
    // The first render lists the chosen country only; the rest follow after that first paint.
    const select = root?.querySelector('select');
    const listed = firstStep != null || !select || select.options.length >= 2;
    if (record.formRendered == null || listing || !listed) return;
    listing = true;
    afterThisFrame(() => {
      record.formComplete = performance.now();
      if (until === 'form') ready();
    });
  };
  const checkForm = () => {
    if (record.formAttached == null && element.shadowRoot?.firstElementChild) {
      record.formAttached = performance.now();
    }
    if (checking) return;
    checking = true;
    requestAnimationFrame(checkShown);
  };
  const onState = () => {
    const state = element.getAttribute('state');
    if (record.decided == null && (state === 'form' || state === 'push')) {
      record.decided = performance.now();
      record.decidedState = state;
      if (until === 'push') afterPaint(ready);
    }
    if (state === 'done' && record.done == null) {
      record.done = performance.now();
      finished();
    }
    if (!watchingShadow && element.shadowRoot) {
      watchingShadow = true;
      // Attributes too: the form is built hidden, and shown by a class change.
      new MutationObserver(checkForm).observe(element.shadowRoot, {
        childList: true,
        subtree: true,
        attributes: true,
      });
      checkForm();
    }
  };
  new MutationObserver(onState).observe(element, { attributes: true, attributeFilter: ['state'] });
  // Our async module may have run (and upgraded the element) before this probe.
  onState();

  w.__benchFill = (phone) => {
    const root = element.shadowRoot;
    const input = root?.querySelector<HTMLInputElement>('#phone');
    if (input) {
      input.value = phone;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    root?.querySelector<HTMLInputElement>('#consent')?.click();
  };
  w.__benchSubmit = () => {
    const button = element.shadowRoot?.querySelector<HTMLButtonElement>('button[part="submit"]');
    record.submitAt = performance.now();
    button?.click();
  };
}

/**
 * The SDK's milestones. The simulator marks `init` calls and readiness (`config` set and
 * `permissionNative` defined); marks are buffered, so none is missed.
 */
new PerformanceObserver((list) => {
  for (const mark of list.getEntries()) {
    if (mark.name === 'onesignal-simulator:init-called') record.initStart ??= mark.startTime;
    if (mark.name !== 'onesignal-simulator:sdk-ready' || record.sdkReady != null) continue;
    record.sdkReady = mark.startTime;
    if (until === 'sdk') afterPaint(ready);
  }
}).observe({ type: 'mark', buffered: true });

// Read when the runner asks for the record: by then the measured script has arrived and run.
const measured = document.querySelector<HTMLScriptElement>('script[data-measured]');
Object.defineProperty(record, 't0', {
  enumerable: true,
  get: () => {
    const [arrival] = performance.getEntriesByName(measured?.src ?? '', 'resource');
    if (!arrival) throw new Error('the page has no script[data-measured] that was fetched');
    return (arrival as PerformanceResourceTiming).responseEnd;
  },
});
Object.defineProperty(record, 'sdkLoaded', {
  enumerable: true,
  get: () => {
    const sdk = performance
      .getEntriesByType('resource')
      .find((entry) => new URL(entry.name).pathname === SIMULATOR_PATH);
    return sdk ? (sdk as PerformanceResourceTiming).responseEnd : null;
  },
});
Object.defineProperty(record, 'resources', {
  enumerable: true,
  get: () =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name, location.href).pathname),
});
