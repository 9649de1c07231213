import type { Strings } from '../locales/strings.js';
import type { Outcome } from '../submission/deliver.js';

type Rejected = Extract<Outcome, { kind: 'rejected' }>;

/**
 * The form's own text for each final problem kind the reference server (or any backend keeping
 * contract sections 6 and 7) sends, so the visitor reads it in the form's language. The number
 * passed the element's own validity check, so a server's `invalid-phone` means it cannot take texts.
 */
const KNOWN = new Map<string | undefined, keyof Strings>(
  Object.entries({
    'opted-out': 'errorOptedOut',
    'invalid-phone': 'errorNotMobile',
    'country-not-allowed': 'errorCountryRefused',
    'consent-required': 'errorConsentRequired',
    // The site's setup, not the visitor, is at fault: trying again will not help today.
    'server-misconfigured': 'errorUnavailable',
    'upstream-refused': 'errorUnavailable',
    'origin-not-allowed': 'errorUnavailable',
    'method-not-allowed': 'errorUnavailable',
    'unsupported-media-type': 'errorUnavailable',
    'bad-request': 'errorHttp',
    'invalid-request': 'errorHttp',
    'body-too-large': 'errorHttp',
    'idempotency-key-reused': 'errorHttp',
  }) as [string, keyof Strings][],
);

/** What the visitor reads for a final answer: the form's text for a known kind, else the server's detail. */
export function rejectionMessage({ status, problem, detail }: Rejected, s: Strings): string {
  const own = KNOWN.get(problem);
  if (own) return s[own];
  return detail ?? (status === 409 ? s.errorOptedOut : s.errorHttp);
}
