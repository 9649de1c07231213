/**
 * Argument checks and time arithmetic shared by every consent store, so that memory, JSON Lines
 * and SQL refuse the same bad input with the same words.
 */

/**
 * Five years. The TCPA's limitations period is four years (28 U.S.C. § 1658), and a claim can be
 * filed at its very end about a text sent long after the consent: a year of margin on top.
 */
export const DEFAULT_RETENTION_DAYS = 1826;
const DAY_MS = 86_400_000;
const E164 = /^\+[1-9]\d{6,14}$/;

/** The number an admin passed to find/erase; never echoed, since it may be a real one. */
export function checkPhoneArgument(method: string, phone: unknown): string {
  if (typeof phone !== 'string' || !E164.test(phone)) {
    throw new TypeError(`${method}: expected an E.164 phone number such as "+15555550123"`);
  }
  return phone;
}

export function checkRetentionDays(store: string, days: number | undefined): number {
  if (days === undefined) return DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    throw new TypeError(`${store}: retentionDays must be a whole number of days, at least 1`);
  }
  return days;
}

/** Records created before this instant are past retention. */
export function retentionCutoff(days: number, now: number): Date {
  return new Date(now - days * DAY_MS);
}

function instant(name: string, value: Date | string | undefined): number | null {
  if (value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`exportConsent: ${name} is not a valid date`);
  return ms;
}

export interface Bounds {
  since: number | null;
  until: number | null;
}

export interface ExportRange {
  /** Records created at or after this time. */
  since?: Date | string;
  /** Records created before this time. */
  until?: Date | string;
}

/** `[since, until)` in epoch ms; null is an open end. */
export function exportBounds(range: ExportRange = {}): Bounds {
  const since = instant('since', range.since);
  const until = instant('until', range.until);
  if (since !== null && until !== null && since > until) {
    throw new TypeError('exportConsent: since is after until');
  }
  return { since, until };
}

export const inBounds = (createdAt: string, b: Bounds): boolean => {
  const t = Date.parse(createdAt);
  return (b.since === null || t >= b.since) && (b.until === null || t < b.until);
};
