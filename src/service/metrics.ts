/**
 * `/metrics` through prom-client, bundled into the service build only (rollup.config.mjs), so
 * installing the package for the element adds nothing. Label values come from fixed sets (never
 * a phone number, key or id).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registration(outcome: string, seconds: number): void;
  onesignal(endpoint: string, status: string, seconds: number): void;
  fallbackDecision(decision: string): void;
  notify(outcome: string): void;
  /** The Prometheus text exposition and its content type. */
  render(): Promise<{ text: string; contentType: string }>;
}

export function createMetrics(): Metrics {
  // A registry of our own, not prom-client's global one: nothing else in the process adds to it.
  const registry = new Registry();
  const registers = [registry];
  // process_* and nodejs_* (CPU, memory, event-loop lag, handles), as from any Node service.
  collectDefaultMetrics({ register: registry });
  const registrations = new Counter({
    name: 'psf_registrations_total',
    help: 'Registrations answered, by outcome.',
    labelNames: ['outcome'],
    registers,
  });
  const registrationTime = new Histogram({
    name: 'psf_registration_duration_seconds',
    help: 'Time to answer a registration, by outcome.',
    labelNames: ['outcome'],
    registers,
  });
  const osRequests = new Counter({
    name: 'psf_onesignal_requests_total',
    help: 'Requests to OneSignal, by endpoint and status (network: no answer).',
    labelNames: ['endpoint', 'status'],
    registers,
  });
  const osTime = new Histogram({
    name: 'psf_onesignal_request_duration_seconds',
    help: 'OneSignal request time.',
    labelNames: ['endpoint'],
    registers,
  });
  const decisions = new Counter({
    name: 'psf_fallback_decisions_total',
    help: 'Delivery-window decisions.',
    labelNames: ['decision'],
    registers,
  });
  const notifies = new Counter({
    name: 'psf_notify_requests_total',
    help: 'Notify API calls, by outcome.',
    labelNames: ['outcome'],
    registers,
  });

  return {
    registration(outcome, seconds) {
      registrations.inc({ outcome });
      registrationTime.observe({ outcome }, seconds);
    },
    onesignal(endpoint, status, seconds) {
      osRequests.inc({ endpoint, status });
      osTime.observe({ endpoint }, seconds);
    },
    fallbackDecision(decision) {
      decisions.inc({ decision });
    },
    notify(outcome) {
      notifies.inc({ outcome });
    },
    async render() {
      return { text: await registry.metrics(), contentType: registry.contentType };
    },
  };
}

/** A registration's outcome from its status: a fixed, small set of label values. */
export function registrationOutcome(status: number): string {
  const named: Record<number, string> = {
    200: 'registered',
    201: 'registered',
    202: 'pending-confirmation',
    204: 'preflight',
    409: 'opted-out',
    422: 'invalid',
    429: 'rate-limited',
  };
  return named[status] ?? (status >= 500 ? 'failed' : 'refused');
}

/** `POST /apps/{id}/users/by/{label}/{value}` → a template without ids. */
export function onesignalEndpoint(method: string, url: string): string {
  const path = new URL(url).pathname
    .replace(/\/by\/[^/]+\/[^/]+/, '/by/{label}/{id}')
    .replace(/\/apps\/[^/]+/, '/apps/{app_id}')
    .replace(/\/(notifications|subscriptions|users)\/(?!by\/)[^/]+/g, '/$1/{id}');
  return /^[\w/{}-]+$/.test(path) ? `${method} ${path}` : `${method} other`;
}

/** `fetch` that counts every OneSignal request. */
export function countingFetch(metrics: Metrics, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const endpoint = onesignalEndpoint(request.method, request.url);
    const started = performance.now();
    try {
      const response = await inner(request);
      metrics.onesignal(endpoint, String(response.status), (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      metrics.onesignal(endpoint, 'network', (performance.now() - started) / 1000);
      throw error;
    }
  };
}
