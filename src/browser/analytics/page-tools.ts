/**
 * The page's analytics tools as the element meets them (contract §8): Segment's analytics.js
 * (classic or 2.0, or the snippet's stub queue before it loads), Google Tag Manager's `dataLayer`
 * and GA4's `gtag`. Read through `window` on every call: analytics.js replaces its stub.
 */

/** The slice of analytics.js the element uses; the snippet's stub has all but `user`. */
export interface Segment {
  /** True once the library (not the snippet's stub) runs. */
  initialized?: boolean;
  track?(event: string, properties: object): unknown;
  ready?(callback: () => void): unknown;
  on?(event: 'identify', callback: () => void): unknown;
  user?(): { id(): unknown; anonymousId(): unknown };
}

type ToolPage = Window & {
  analytics?: Segment;
  dataLayer?: unknown[];
  gtag?: (...args: unknown[]) => void;
};

export const page = () => window as ToolPage;

/** The funnel's steps (contract §8). */
export type Step = 'shown' | 'submitted' | 'completed' | 'dismissed';

/** What every tool is told of a step: never the phone number, never the consent text. */
export interface StepProperties {
  reason: string;
  layout: string;
  locale: string;
  country?: string;
}

type Tell = (step: Step, properties: StepProperties) => void;

const SEGMENT_EVENTS: Record<Step, string> = {
  shown: 'SMS Opt-in Shown',
  submitted: 'SMS Opt-in Submitted',
  completed: 'SMS Opt-in Completed',
  dismissed: 'SMS Opt-in Dismissed',
};
const googleEvent = (step: Step) => `push_sms_fallback_${step}`;

/** How each tool is told, or undefined while it is not on the page. */
export const TOOLS: Record<string, () => Tell | undefined> = {
  // The snippet's stub keeps the call until analytics.js loads and replays it.
  segment: () =>
    typeof page().analytics?.track === 'function'
      ? (step, properties) => page().analytics?.track?.(SEGMENT_EVENTS[step], properties)
      : undefined,
  // `dataLayer` is GTM's queue by design: GTM reads what was pushed before it loaded.
  gtm: () => (step, properties) =>
    void (page().dataLayer ??= []).push({
      event: googleEvent(step),
      push_sms_fallback: properties,
    }),
  gtag: () =>
    typeof page().gtag === 'function'
      ? (step, properties) => page().gtag?.('event', googleEvent(step), properties)
      : undefined,
};
