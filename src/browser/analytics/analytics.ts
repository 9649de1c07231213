/**
 * The analytics chunk: loaded only when the element has `identity` or `analytics`, so a page
 * without them downloads none of it.
 */
import { reportFunnel } from './funnel.js';
import type { AnalyticsHost } from './host.js';
import { linkSegmentUser } from './identity.js';

const attached = new WeakSet<AnalyticsHost>();

/** Starts what the attributes ask for, once per element (it may be connected again). */
export function attach(host: AnalyticsHost): void {
  if (attached.has(host)) return;
  attached.add(host);
  const tools = (host.analytics ?? '').split(/\s+/).filter(Boolean);
  if (tools.length) reportFunnel(host, tools);
  if (host.identity === 'segment') linkSegmentUser(host);
  else if (host.identity)
    console.warn(`<push-sms-fallback>: identity="${host.identity}" is not valid; use segment.`);
}
