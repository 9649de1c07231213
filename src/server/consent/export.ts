/**
 * Exports as text for an audit or a records request: JSON Lines or CSV, chunk by chunk, so a
 * million records never sit in memory at once. Pipe the chunks to a file or a response body.
 */
import type { StoredConsentRecord } from './record.js';

/** One JSON object per line. */
export async function* toJsonLines(
  records: AsyncIterable<StoredConsentRecord>,
): AsyncGenerator<string> {
  for await (const record of records) yield `${JSON.stringify(record)}\n`;
}

const COLUMNS = [
  'id',
  'createdAt',
  'acceptedAt',
  'phone',
  'phoneAlias',
  'phoneCountry',
  'lineType',
  'consentText',
  'consentTextSha256',
  'elementVersion',
  'textId',
  'locale',
  'pageUrl',
  'origin',
  'referrer',
  'ip',
  'userAgent',
  'pushPermission',
  'pushReason',
  'externalId',
  'reportedOnesignalId',
  'idempotencyKey',
  'onesignalAppId',
  'doubleOptIn',
  'outcome',
] as const satisfies readonly (keyof StoredConsentRecord)[];

/**
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe, since the fields come from visitors. Numbers (+44…) get one too, which
 * also keeps a spreadsheet from turning them into 4.47E+11.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row, then one row per record (CRLF line ends, as RFC 4180 has them). */
export async function* toCsv(records: AsyncIterable<StoredConsentRecord>): AsyncGenerator<string> {
  yield `${COLUMNS.join(',')}\r\n`;
  for await (const record of records) yield `${COLUMNS.map((c) => cell(record[c])).join(',')}\r\n`;
}
