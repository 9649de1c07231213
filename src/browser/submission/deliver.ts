import { ATTEMPTS, MAX_WAIT_MS, backoff, classify, retryAfter } from './retry.js';
import type { Submission } from './queue.js';

export type Outcome =
  | { kind: 'done'; status: number; body: unknown }
  /**
   * Final: a 4xx the visitor can correct, or a backend that cannot work as configured. `problem`
   * is the problem+json type's last segment, `detail` its detail, where the answer has them.
   */
  | { kind: 'rejected'; status: number; problem?: string; detail?: string }
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

/**
 * The problem kind a type names: its last path segment (`…/sms/opted-out` → `opted-out`), also
 * after a URN's last colon, as other backends may write it (`urn:x:problem:invalid-phone`).
 */
export const problemKind = (type: unknown): string | undefined =>
  typeof type === 'string' ? type.slice(type.search(/[^/:]*$/)) || undefined : undefined;

/** The final answer for a problem+json body, or undefined when `status` alone decides. */
function rejection(status: number, payload: unknown): Outcome | undefined {
  const { type, detail } = (payload ?? {}) as { type?: unknown; detail?: unknown };
  const problem = problemKind(type);
  // Contract section 7: retrying a backend that cannot work as configured only prolongs the wait.
  if (classify(status) === 'retry' && problem !== 'server-misconfigured') return undefined;
  const outcome: Outcome = { kind: 'rejected', status };
  if (problem) outcome.problem = problem;
  if (typeof detail === 'string') outcome.detail = detail;
  return outcome;
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
      const final = rejection(response.status, payload);
      if (final) return final;
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
