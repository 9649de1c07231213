/**
 * The browser cases of part 2, which bench/browser/measure.ts runs and bench/browser/analyse.ts
 * sums up, and what one run of a case records.
 */
import type { ProbeRecord } from './pages/record.js';

export type CaseName =
  | 'denied'
  | 'subscriber'
  | 'sdkDenied'
  | 'sdkSubscriber'
  | 'reserve'
  | 'banner'
  | 'reserveSubscriber'
  | 'initHeld';

/**
 * What each case loads; `reset=1` starts the SDK simulator from its URL's state. A `layout`
 * case is there for its layout shifts, which are the same in every run: it runs half as often.
 */
export const CASES: Record<CaseName, { path: string; label: string; layout?: true }> = {
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
    layout: true,
  },
  banner: {
    path: '/page/element?visitor=denied&layout=banner&reset=1',
    label: 'declined visitor, layout="banner"',
    layout: true,
  },
  reserveSubscriber: {
    path: '/page/element?visitor=subscriber&reserve=1&reset=1',
    label: 'push subscriber, inline with reserve-space',
    layout: true,
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
  /** CDP Performance.getMetrics at the end point: script and task durations, in ms. */
  scriptMs: number;
  taskMs: number;
}
