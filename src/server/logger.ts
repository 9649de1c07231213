import { redactText, redactValue } from './redact.js';

/** Where the handler reports what happened. Every message and field it receives is masked. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const PREFIX = '[push-sms-fallback]';

export const consoleLogger: Logger = {
  info: (message, fields) => console.info(PREFIX, message, ...(fields ? [fields] : [])),
  warn: (message, fields) => console.warn(PREFIX, message, ...(fields ? [fields] : [])),
  error: (message, fields) => console.error(PREFIX, message, ...(fields ? [fields] : [])),
};

const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * Wraps a logger so that the API key and phone-like digit runs are masked even in text we do
 * not control (OneSignal's error bodies, thrown errors), as a second line of defence.
 */
export function safeLogger(logger: Logger | false | undefined, secrets: readonly string[]): Logger {
  if (logger === false) return silent;
  const target = logger ?? consoleLogger;
  const wrap =
    (level: keyof Logger) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const safeFields = fields
        ? (redactValue(normaliseErrors(fields), secrets) as Record<string, unknown>)
        : undefined;
      target[level](redactText(message, secrets), safeFields);
    };
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

/**
 * Errors are not plain objects: keep name, message and the cause's (fetch hides the socket
 * error there), drop stacks.
 */
function describeError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause && typeof cause === 'object') out.cause = cause.code ?? cause.message;
  return out;
}

function normaliseErrors(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? describeError(v) : v;
  return out;
}
