/**
 * Masking for anything that leaves the handler as a log line or a response body.
 * Consent records keep the full number (they are the site's evidence); nothing else does.
 */

const DOT = '\u2022';

/**
 * `+447400123456` → `+44••••••••56`: the country calling code and the last two digits stay,
 * enough for a visitor or an operator to recognise the number, not to dial it.
 */
export function maskPhone(e164: string, callingCode?: string): string {
  const digits = e164.replace(/\D/g, '');
  const cc = callingCode && digits.startsWith(callingCode) ? callingCode : '';
  const rest = digits.slice(cc.length);
  if (rest.length <= 2) return `+${cc}${DOT.repeat(rest.length)}`;
  return `+${cc}${DOT.repeat(rest.length - 2)}${rest.slice(-2)}`;
}

/** Any run of 6+ digits (optionally with +, spaces, dashes) in free text, e.g. an upstream error. */
const PHONE_LIKE = /\+?\d[\d\s().-]{4,}\d/g;

/** Masks phone-like digit runs and every occurrence of the given secrets in free text. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  return out.replace(PHONE_LIKE, (run) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < 6) return run;
    return `${DOT.repeat(digits.length - 2)}${digits.slice(-2)}`;
  });
}

/** Deep copy of a JSON-like value with every string passed through {@link redactText}. */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, secrets);
    return out;
  }
  return value;
}
