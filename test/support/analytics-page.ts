/**
 * Browser-test helpers for pages with Segment's analytics.js, GTM's `dataLayer` and GA4's `gtag`
 * (the stand-ins in demo/simulators/segment-analytics.ts and google-tags.ts).
 */
import { googleTagMessages, resetGoogleTags } from '../../demo/simulators/google-tags.js';
import { resetSegment, segmentCalls } from '../../demo/simulators/segment-analytics.js';

/** Every analytics call the page's tools received, as text: what must never hold a number or the disclosure. */
export const everythingTold = () =>
  JSON.stringify({
    segment: segmentCalls,
    google: googleTagMessages,
    dataLayer: (window as { dataLayer?: unknown[] }).dataLayer?.map((m) =>
      Object.prototype.toString.call(m) === '[object Arguments]'
        ? Array.from(m as ArrayLike<unknown>)
        : m,
    ),
  });

/** A new page view for the funnel: no tools, nothing told yet. */
export function resetAnalyticsPage(): void {
  resetSegment();
  resetGoogleTags();
  delete (window as { __pushSmsFallbackTold?: unknown }).__pushSmsFallbackTold;
}

/** Records console.info until restored. */
export function spyInfo() {
  const original = console.info;
  const lines: string[] = [];
  console.info = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console.info = original) };
}

/** Errors the page hears: thrown in a task or a rejected promise nobody handled. */
export function watchPageErrors() {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}
