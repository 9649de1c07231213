import type { Problem } from '../../wire/contract.js';

/** Machine-readable problem kinds; the `type` URI is `urn:push-sms-fallback:problem/<kind>`. */
export type ProblemKind =
  | 'bad-request'
  | 'origin-not-allowed'
  | 'method-not-allowed'
  | 'body-too-large'
  | 'request-timeout'
  | 'unsupported-media-type'
  | 'invalid-request'
  | 'invalid-phone'
  | 'country-not-allowed'
  | 'consent-required'
  | 'sms/opted-out'
  | 'idempotency-key-reused'
  | 'rate-limited'
  | 'upstream-unavailable'
  | 'upstream-rate-limited'
  | 'upstream-refused'
  | 'temporarily-unavailable'
  | 'server-error'
  | 'server-misconfigured';

export const PROBLEM_TYPE_PREFIX = 'urn:push-sms-fallback:problem/';

const TITLES: Record<ProblemKind, string> = {
  'bad-request': 'Bad request',
  'origin-not-allowed': 'Origin not allowed',
  'method-not-allowed': 'Method not allowed',
  'body-too-large': 'Request body too large',
  'request-timeout': 'Request timeout',
  'unsupported-media-type': 'Unsupported media type',
  'invalid-request': 'Invalid request',
  'invalid-phone': 'Invalid phone number',
  'country-not-allowed': 'Country not allowed',
  'consent-required': 'Consent required',
  'sms/opted-out': 'Opted out of texts',
  'idempotency-key-reused': 'Idempotency key reused',
  'rate-limited': 'Too many requests',
  'upstream-unavailable': 'Messaging service unavailable',
  'upstream-rate-limited': 'Messaging service busy',
  'upstream-refused': 'Messaging service refused the registration',
  'temporarily-unavailable': 'Temporarily unavailable',
  'server-error': 'Server error',
  'server-misconfigured': 'The server is misconfigured',
};

export function problem(
  kind: ProblemKind,
  status: number,
  detail?: string,
  field?: string,
): Problem {
  const body: Problem = { type: PROBLEM_TYPE_PREFIX + kind, title: TITLES[kind], status };
  if (detail !== undefined) body.detail = detail;
  if (field !== undefined) body.field = field;
  return body;
}

/** Thrown by pure validation code; the handler turns it into a problem response. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problemBody: Problem, headers: Record<string, string> = {}) {
    super(problemBody.detail ?? problemBody.title);
    this.name = 'ProblemError';
    this.problem = problemBody;
    this.headers = headers;
  }
}

export function fail(
  kind: ProblemKind,
  status: number,
  detail?: string,
  field?: string,
  headers?: Record<string, string>,
): never {
  throw new ProblemError(problem(kind, status, detail, field), headers);
}

/** A response as the handler produces and the idempotency store keeps it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function problemAnswer(p: Problem, headers: Record<string, string> = {}): Answer {
  return {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(p),
  };
}

export function jsonAnswer(status: number, body: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
