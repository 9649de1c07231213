import type { Logger } from '../logger.js';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (typeof e?.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  return /connection is closed|socket closed|client is closed|connect E[A-Z]+/i.test(
    String(e?.message ?? ''),
  );
}

/**
 * A client's errors as an operator wants them: one line when the connection is lost and one
 * when it is back, however many errors come in between (BullMQ re-emits every failed
 * reconnect, several times a second); any other error as its own line.
 */
export function outageReporter(logger: Logger, what: string) {
  let errors = 0;
  return {
    error(error: unknown): void {
      if (errors > 0) {
        errors += 1;
      } else if (isConnectionError(error)) {
        errors = 1;
        logger.warn(`${what} connection lost; reconnecting`, { error });
      } else {
        logger.warn(`${what} error`, { error });
      }
    },
    ready(): void {
      if (errors === 0) return;
      logger.info(`${what} connection back`, { errors });
      errors = 0;
    },
  };
}
