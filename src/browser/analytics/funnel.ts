import type { PushSmsFallbackShowEvent, PushSmsFallbackSubmitEvent } from '../element/events.js';
import type { AnalyticsHost } from './host.js';
import { TOOLS, page, type Step, type StepProperties } from './page-tools.js';
import { whenFound } from './wait.js';

/**
 * The steps told so far on this page view, kept on the page: once each, however many elements
 * (or copies of this package) the page has.
 */
const told = () =>
  ((page() as { __pushSmsFallbackTold?: Set<Step> }).__pushSmsFallbackTold ??= new Set());

/**
 * Tells the named tools of the element's funnel, from its own events: the form shown, a number
 * submitted, registered, the form dismissed. Properties are picked one by one, so nothing the
 * visitor typed and not the disclosure can reach a tool.
 */
export function reportFunnel(host: AnalyticsHost, names: string[]): void {
  const tools = names.flatMap((name) => {
    const tool = TOOLS[name];
    if (!tool)
      console.warn(
        `<push-sms-fallback>: analytics="${name}" is not known; use segment, gtm or gtag.`,
      );
    return tool ? [tool] : [];
  });
  let country: string | undefined;
  const tell = (step: Step, reason = host.reason ?? 'unavailable') => {
    const seen = told();
    if (seen.has(step)) return;
    seen.add(step);
    const { layout, locale } = host;
    const properties: StepProperties = { reason, layout, locale };
    if (country && (step === 'submitted' || step === 'completed')) properties.country = country;
    for (const tool of tools) {
      // A tool that never loads is dropped quietly; one that throws must not break the form.
      whenFound(tool, (send) => {
        try {
          send(step, { ...properties });
        } catch {
          // the tool's problem, not the visitor's
        }
      });
    }
  };
  host.addEventListener('push-sms-fallback-show', (event: PushSmsFallbackShowEvent) => {
    const { reason } = event.detail;
    // Once every listener had its say: a page that cancels the show keeps the form hidden.
    queueMicrotask(() => event.defaultPrevented || tell('shown', reason));
  });
  host.addEventListener('push-sms-fallback-submit', (event: PushSmsFallbackSubmitEvent) => {
    country = event.detail.country;
    tell('submitted');
  });
  host.addEventListener('push-sms-fallback-success', () => tell('completed'));
  host.addEventListener('push-sms-fallback-dismiss', () => tell('dismissed'));
  // A form shown while this chunk was on its way.
  if (host.state === 'form') tell('shown');
}
