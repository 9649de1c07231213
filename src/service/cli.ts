/**
 * `push-sms-fallback`: the reference server as a program (contract §7). Argument parsing, help,
 * and the one place errors become messages and exit codes: never a stack trace for a mistake a
 * user can fix.
 */
import { parseArgs } from 'node:util';
import {
  consentErase,
  consentExport,
  consentFind,
  migrate,
  optOutImport,
  type Io,
} from './commands.js';
import { describeConfig, readConfig, type ServiceConfig } from './config.js';
import { UsageError } from './errors.js';
import { createJsonLogger } from './log.js';
import { serve } from './serve.js';

const HELP = `push-sms-fallback: the SMS sign-up backend for <push-sms-fallback>, as one command.

Usage: push-sms-fallback <command> [options]

Commands
  serve                          Run the HTTP service
  check                          Check the configuration; list every problem, exit 1 if any
  migrate                        Create or upgrade the PostgreSQL tables (DATABASE_URL)
  consent find <phone>           Consent records of a number (E.164), newest first, JSON Lines
  consent export [--since ISO] [--until ISO]
                                 Consent records in that range, JSON Lines on stdout
  consent erase <phone>          Erase a number's records (a tombstone stays)
  opt-out import <file>          Add numbers (one E.164 per line) to the opt-out list

Environment
  ONESIGNAL_APP_ID, ONESIGNAL_API_KEY, PSF_ALLOWED_ORIGINS (comma-separated)   required
  PORT (8787), HOST, PSF_DATA_DIR (./push-sms-fallback-data), DATABASE_URL, REDIS_URL,
  PSF_ALIAS_SECRET, PSF_NOTIFY_TOKEN, ONESIGNAL_API_URL, PSF_TRUST_PROXY

Routes (serve)
  POST /api/sms-subscribe  POST /api/push-events  POST /api/notify  DELETE /api/notify/{key}
  GET /healthz  GET /readyz  GET /metrics  GET /assets/push-sms-fallback.js

Docs: docs/server.md ("Run the service") in the package's repository
`;

type Command = (config: ServiceConfig, io: Io, args: string[], flags: Flags) => Promise<void>;
interface Flags {
  since?: string;
  until?: string;
}

const commands: Record<string, { arity: [number, number]; flags?: boolean; run: Command }> = {
  serve: {
    arity: [0, 0],
    run: (c) => serve(c, createJsonLogger({ fd: 1, secrets: [c.apiKey] })),
  },
  migrate: { arity: [0, 0], run: (c, io) => migrate(c, errLogger(c), io) },
  'consent find': { arity: [1, 1], run: (c, io, a) => consentFind(c, errLogger(c), io, a[0]) },
  'consent export': {
    arity: [0, 0],
    flags: true,
    run: (c, io, _a, f) => consentExport(c, errLogger(c), io, f),
  },
  'consent erase': { arity: [1, 1], run: (c, io, a) => consentErase(c, errLogger(c), io, a[0]) },
  'opt-out import': { arity: [1, 1], run: (c, io, a) => optOutImport(c, errLogger(c), io, a[0]) },
};

/** Commands other than serve keep stdout for data: their logs go to stderr, written at once. */
const errLogger = (c: ServiceConfig) =>
  createJsonLogger({ fd: 2, secrets: [c.apiKey], sync: true });

export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const io: Io = {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    progress: process.stderr.isTTY === true,
  };
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
      since: { type: 'string' },
      until: { type: 'string' },
    },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(HELP);
    return 2;
  }
  const name = ['consent', 'opt-out'].includes(positionals[0] ?? '')
    ? positionals.slice(0, 2).join(' ')
    : (positionals[0] ?? '');
  const args = positionals.slice(name.split(' ').length);
  const command = commands[name];
  if (name !== 'check' && !command) {
    throw new UsageError(`Unknown command "${name}". Run push-sms-fallback --help`, 2);
  }
  if ((values.since !== undefined || values.until !== undefined) && !command?.flags) {
    throw new UsageError(`--since and --until belong to "consent export"`, 2);
  }
  if (command && (args.length < command.arity[0] || args.length > command.arity[1])) {
    throw new UsageError(
      `"${name}" takes ${command.arity[0]} argument(s). Run push-sms-fallback --help`,
      2,
    );
  }

  const result = readConfig(env);
  for (const w of result.warnings) io.err(`warning: ${w}\n`);
  if (!result.ok) {
    io.err(`The configuration has ${result.problems.length} problem(s):\n`);
    for (const p of result.problems) io.err(`  - ${p}\n`);
    return 1;
  }
  if (name === 'check') {
    io.out(`Configuration OK\n${JSON.stringify(describeConfig(result.config), null, 2)}\n`);
    return 0;
  }
  await command?.run(result.config, io, args, { since: values.since, until: values.until });
  return 0;
}

/** Errors a user can act on, as one line; anything else as name and message (still no stack). */
export function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: error.message, code: error.exitCode };
  const e = error as NodeJS.ErrnoException;
  if (e?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    return { message: `${e.message}. Run push-sms-fallback --help`, code: 2 };
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND') {
    return { message: `Cannot reach a store: ${e.message}`, code: 1 };
  }
  if (e?.code === 'EACCES' || e?.code === 'EROFS') {
    return { message: `Cannot write: ${e.message} (check PSF_DATA_DIR)`, code: 1 };
  }
  return { message: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`, code: 1 };
}
