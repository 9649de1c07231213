import { ATTEMPTS, MAX_WAIT_MS, backoff, classify, retryAfter } from './retry.js';
import type { Submission } from './queue.js';

export type Outcome =
  | { kind: 'done'; status: number; body: unknown }
  /** A 4xx the visitor can correct; `detail` is the server's problem+json detail, if any. */
  | { kind: 'rejected'; status: number; detail?: string }
  /** Still undelivered after every attempt: keep it and try later. */
  | {
      kind: 'unreachable';
      code: 'http' | 'network' | 'timeout';
      status?: number;
      retryAfterMs?: number;
    };

export interface DeliverOptions {
  attempts?: number;
  /** Per attempt. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** POSTs a submission (contract section 2), retrying what is worth retrying with the same key. */
export async function deliver(
  { endpoint, body }: Submission,
  { attempts = ATTEMPTS, timeoutMs = 15_000, sleep = pause, random }: DeliverOptions = {},
): Promise<Outcome> {
  let last: Outcome = { kind: 'unreachable', code: 'network' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait: number | undefined;
    // A controller and a timer rather than AbortSignal.timeout, which Safari and iOS lack before
    // 16. Only this timer aborts the signal, so an aborted signal means the deadline passed (also
    // where abort() takes no reason and fetch rejects with a plain AbortError).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.idempotencyKey },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: deadline.signal,
      });
      const verdict = classify(response.status);
      const payload = await readBody(response);
      if (verdict === 'done') return { kind: 'done', status: response.status, body: payload };
      if (verdict === 'permanent') {
        const detail = (payload as { detail?: unknown } | null)?.detail;
        return typeof detail === 'string'
          ? { kind: 'rejected', status: response.status, detail }
          : { kind: 'rejected', status: response.status };
      }
      wait = retryAfter(response.headers.get('Retry-After'));
      last = { kind: 'unreachable', code: 'http', status: response.status };
      if (wait !== undefined) last.retryAfterMs = wait;
    } catch {
      last = { kind: 'unreachable', code: deadline.signal.aborted ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
    if (attempt === attempts) break;
    wait ??= backoff(attempt, random);
    if (wait > MAX_WAIT_MS) break;
    await sleep(wait);
  }
  return last;
}
