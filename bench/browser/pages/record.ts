/**
 * What the in-page probe records, shared by the probe (browser) and the runner (Node).
 * Every time is `performance.now()` in the page, in milliseconds.
 */
export interface ProbeRecord {
  /** When the measured script (ours, or the baseline's) had arrived: it cannot start earlier. */
  t0: number;
  /** First `state` attribute that is a decision (`form` or `push`), and when. */
  decidedState: string | null;
  decided: number | null;
  /** The element first put something in its shadow root (the form, hidden while it is built). */
  formAttached: number | null;
  /** The phone input is visible: seen in the animation callbacks of the frame that shows it. */
  formRendered: number | null;
  /** The first task after that frame: the form has been painted. */
  formPainted: number | null;
  /** The selector lists every country (the element adds them after the first paint), painted: the form path's end. */
  formComplete: number | null;
  /** The SDK's script had arrived (its resource timing `responseEnd`): it runs its queue then. */
  sdkLoaded: number | null;
  /** The SDK was ready (the simulator's mark: `config` set, `permissionNative` defined). */
  sdkReady: number | null;
  /** `OneSignal.init` was first called (by the element, or by the page's own snippet). */
  initStart: number | null;
  /** The submit button was clicked, and `state="done"` came. */
  submitAt: number | null;
  done: number | null;
  longTasks: { start: number; duration: number }[];
  /** Long animation frames, with the scripts that ran in them. */
  frames: {
    start: number;
    duration: number;
    scripts: { url: string; invoker: string; start: number; duration: number }[];
  }[];
  shifts: { start: number; value: number; hadRecentInput: boolean }[];
  /** Resource URLs the page fetched (paths only). */
  resources: string[];
}

export type BenchWindow = Window & {
  __bench?: ProbeRecord;
  /** Resolves when the page reached its end point (form complete, push decided, or SDK ready). */
  __benchReady?: Promise<void>;
  /** Resolves on `state="done"`. */
  __benchDone?: Promise<void>;
  /** Types a number into the element's phone field (input event) and ticks the consent box. */
  __benchFill?: (phone: string) => void;
  /** Clicks the element's submit button and notes the time. */
  __benchSubmit?: () => void;
  /** The model of OneSignal's published sample: set when its mount effect finished. */
  __sampleDone?: Promise<void>;
};
