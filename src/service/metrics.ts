/**
 * Prometheus text format (version 0.0.4) without a client library: the service needs a few
 * counters and histograms, and a dependency here would land in every `npm install` of the
 * element. Label values come from fixed sets (never a phone number, key or id).
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

type Labels = Record<string, string>;

const escape = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

class Family<T> {
  readonly series = new Map<string, { labels: Labels; value: T }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'histogram',
    private readonly init: () => T,
  ) {}
  get(labels: Labels): T {
    const key = labelText(labels);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels, value: this.init() }));
    return entry.value;
  }
}

export interface Metrics {
  registration(outcome: string, seconds: number): void;
  onesignal(endpoint: string, status: string, seconds: number): void;
  fallbackDecision(decision: string): void;
  notify(outcome: string): void;
  render(): string;
}

export function createMetrics(): Metrics {
  const newHistogram = (): Histogram => ({ counts: BUCKETS.map(() => 0), sum: 0, count: 0 });
  const observe = (h: Histogram, seconds: number): void => {
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.counts[i] = (h.counts[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
  };
  const counter = (name: string, help: string) =>
    new Family<{ n: number }>(name, help, 'counter', () => ({ n: 0 }));
  const histogram = (name: string, help: string) =>
    new Family<Histogram>(name, help, 'histogram', newHistogram);

  const registrations = counter('psf_registrations_total', 'Registrations answered, by outcome.');
  const registrationTime = histogram(
    'psf_registration_duration_seconds',
    'Time to answer a registration, by outcome.',
  );
  const osRequests = counter(
    'psf_onesignal_requests_total',
    'Requests to OneSignal, by endpoint and status (network: no answer).',
  );
  const osTime = histogram('psf_onesignal_request_duration_seconds', 'OneSignal request time.');
  const decisions = counter('psf_fallback_decisions_total', 'Delivery-window decisions.');
  const notifies = counter('psf_notify_requests_total', 'Notify API calls, by outcome.');
  const families: Family<unknown>[] = [
    registrations,
    registrationTime,
    osRequests,
    osTime,
    decisions,
    notifies,
  ] as Family<unknown>[];

  return {
    registration(outcome, seconds) {
      registrations.get({ outcome }).n += 1;
      observe(registrationTime.get({ outcome }), seconds);
    },
    onesignal(endpoint, status, seconds) {
      osRequests.get({ endpoint, status }).n += 1;
      observe(osTime.get({ endpoint }), seconds);
    },
    fallbackDecision(decision) {
      decisions.get({ decision }).n += 1;
    },
    notify(outcome) {
      notifies.get({ outcome }).n += 1;
    },
    render() {
      const out: string[] = [];
      for (const f of families) {
        out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
        for (const { labels, value } of f.series.values()) {
          if (f.type === 'counter') {
            out.push(`${f.name}${labelText(labels)} ${(value as { n: number }).n}`);
            continue;
          }
          const h = value as Histogram;
          BUCKETS.forEach((b, i) =>
            out.push(`${f.name}_bucket${labelText({ ...labels, le: String(b) })} ${h.counts[i]}`),
          );
          out.push(`${f.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${h.count}`);
          out.push(`${f.name}_sum${labelText(labels)} ${h.sum}`);
          out.push(`${f.name}_count${labelText(labels)} ${h.count}`);
        }
      }
      return `${out.join('\n')}\n`;
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
