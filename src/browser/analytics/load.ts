import type { AnalyticsHost } from './host.js';

/**
 * Loads the analytics chunk where `identity` or `analytics` asks for it, and attaches it to the
 * element; the only part of `analytics/` in the script tag. Without its chunk (a failed fetch)
 * the element carries on without analytics.
 */
export const loadAnalytics = (host: AnalyticsHost): Promise<void> | undefined =>
  host.identity || host.analytics
    ? import('./analytics.js').then(
        (m) => m.attach(host),
        () => {},
      )
    : undefined;
