/**
 * Structured logs through pino, bundled into the service build only (rollup.config.mjs): one
 * JSON object per line with `level` as a word, `time` in ISO 8601, `msg` and the fields. Written
 * straight to the file descriptor (sonic-boom), no transport or worker thread. The library masks
 * what it logs; this masks again with its rules (phone-like digit runs, the secrets), since
 * service code logs paths and errors too.
 */
import pino from 'pino';
import { redactText, type Logger } from '../server/index.js';

export interface ServiceLogger extends Logger {
  /** One line per request, at info. */
  request(fields: Record<string, unknown>): void;
  /**
   * The start-up line, "Listening": the configuration as `describeConfig` prints it (no secret,
   * no visitor data), so addresses and ports are not masked like phone numbers.
   */
  listening(fields: Record<string, unknown>): void;
  /** Writes every queued line, then releases the descriptor: the last call before exiting. */
  end(): Promise<void>;
}

const END_WITHIN_MS = 2000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

function clean(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') {
    if (ISO_TIME.test(value) || UUID.test(value)) return value;
    return redactText(value, secrets);
  }
  if (value instanceof Error) return { name: value.name, message: clean(value.message, secrets) };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clean(v, secrets, depth + 1);
  return out;
}

export interface JsonLoggerOptions {
  /** 1 (stdout) for `serve`; 2 (stderr) for commands, whose stdout holds data. */
  fd: 1 | 2;
  /** Strings never printed (the API key). */
  secrets: readonly string[];
  /** Write each line before returning: for short commands that may exit at once. */
  sync?: boolean;
}

export function createJsonLogger(options: JsonLoggerOptions): ServiceLogger {
  const destination = pino.destination({ dest: options.fd, sync: options.sync ?? false });
  const log = pino(
    {
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      const extra = fields ? (clean(fields, options.secrets) as Record<string, unknown>) : {};
      log[level](extra, redactText(message, options.secrets));
    };
  const info = at('info');
  return {
    info,
    warn: at('warn'),
    error: at('error'),
    request: (fields) => info('request', fields),
    listening: (fields) => log.info(fields, 'Listening'),
    end: () =>
      new Promise((resolve) => {
        // Bounded: after EPIPE (a reader gone) pino makes end() a no-op and 'close' never comes.
        setTimeout(resolve, END_WITHIN_MS).unref();
        destination.once('close', () => resolve());
        destination.end();
      }),
  };
}
