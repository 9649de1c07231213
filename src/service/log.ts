/**
 * Structured logs: one JSON object per line. The library already masks what it logs; this
 * masks again (phone-like digit runs, the secrets), since service code logs errors too.
 */
import type { Logger } from '../server/index.js';

export interface ServiceLogger extends Logger {
  /** One line per request, at info. */
  request(fields: Record<string, unknown>): void;
}

const PHONE_RUN = /\+?\d[\d ().-]{6,}\d/g;

/** Keeps the country code and the last two digits: `+44•••••••56`. */
function maskDigits(text: string): string {
  return text.replace(PHONE_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < 8) return run;
    return `${run.startsWith('+') ? '+' : ''}${digits.slice(0, 2)}${'•'.repeat(digits.length - 4)}${digits.slice(-2)}`;
  });
}

function clean(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return value; // a timestamp, not a phone
    if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value)) return value; // an id
    let out = value;
    for (const s of secrets) if (s) out = out.split(s).join('[secret]');
    return maskDigits(out);
  }
  if (value instanceof Error) return { name: value.name, message: clean(value.message, secrets) };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clean(v, secrets, depth + 1);
  return out;
}

export function createJsonLogger(
  write: (line: string) => void,
  secrets: readonly string[] = [],
): ServiceLogger {
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      const extra = fields ? (clean(fields, secrets) as Record<string, unknown>) : {};
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level, msg: clean(message, secrets), ...extra })}\n`,
      );
    };
  const info = at('info');
  return { info, warn: at('warn'), error: at('error'), request: (f) => info('request', f) };
}
