/**
 * The data commands: migrate, consent find/export/erase, opt-out import. They open the same
 * stores `serve` would (without the scheduler), print data on stdout and progress on stderr.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ServiceConfig } from './config.js';
import { refuseWhileServing } from './data-dir.js';
import { UsageError } from './errors.js';
import type { ServiceLogger } from './log.js';
import { openStores, type Stores } from './stores.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: only then is progress shown. */
  progress: boolean;
}

async function withStores<T>(
  config: ServiceConfig,
  logger: ServiceLogger,
  fn: (stores: Stores) => Promise<T>,
): Promise<T> {
  const stores = await openStores(config, { logger, serve: false });
  try {
    return await fn(stores);
  } finally {
    await stores.close();
  }
}

/** E.164 from what a person typed or a file holds; a clear error otherwise. */
export function checkPhone(text: string | undefined): string {
  if (!text) throw new UsageError('A phone number is required, in E.164 form: +15555550123', 2);
  const phone = parsePhoneNumberFromString(text.trim());
  if (!text.trim().startsWith('+') || !phone?.isPossible()) {
    throw new UsageError(`"${text}" is not a phone number in E.164 form (+ and country code)`, 2);
  }
  return phone.number;
}

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${name} must be an ISO 8601 date or time, e.g. 2026-01-31`, 2);
  }
  return new Date(value).toISOString();
}

export async function migrate(config: ServiceConfig, logger: ServiceLogger, io: Io) {
  await withStores(config, logger, async (stores) => {
    if (!stores.consent.migrate) {
      io.err('Nothing to migrate: without DATABASE_URL the service keeps files in PSF_DATA_DIR.\n');
      return;
    }
    const version = await stores.consent.migrate();
    io.err(`PostgreSQL schema is at version ${version}.\n`);
  });
}

export async function consentFind(
  config: ServiceConfig,
  logger: ServiceLogger,
  io: Io,
  phone?: string,
) {
  const e164 = checkPhone(phone);
  await withStores(config, logger, async (stores) => {
    const records = await stores.consent.findConsent(e164);
    for (const record of records) io.out(`${JSON.stringify(record)}\n`);
    io.err(`${records.length} record(s).\n`);
  });
}

export async function consentExport(
  config: ServiceConfig,
  logger: ServiceLogger,
  io: Io,
  range: { since?: string; until?: string },
) {
  const since = checkDate('--since', range.since);
  const until = checkDate('--until', range.until);
  await withStores(config, logger, async (stores) => {
    let n = 0;
    for await (const record of stores.consent.exportConsent({ since, until })) {
      io.out(`${JSON.stringify(record)}\n`);
      if (io.progress && ++n % 1000 === 0) io.err(`\r${n} records…`);
    }
    if (io.progress) io.err(`\r${n} records exported.\n`);
  });
}

export async function consentErase(
  config: ServiceConfig,
  logger: ServiceLogger,
  io: Io,
  phone?: string,
) {
  const e164 = checkPhone(phone);
  if (!config.databaseUrl) await refuseWhileServing(config.dataDir, 'consent erase');
  await withStores(config, logger, async (stores) => {
    const count = await stores.consent.eraseConsent(e164);
    io.out(`${JSON.stringify({ erased: count })}\n`);
  });
}

export async function optOutImport(
  config: ServiceConfig,
  logger: ServiceLogger,
  io: Io,
  file?: string,
) {
  if (!file) throw new UsageError('opt-out import needs a file: one number per line', 2);
  try {
    await access(file);
  } catch {
    throw new UsageError(`Cannot read ${file}`, 1);
  }
  // Check every line before importing any: a half-imported list is harder to reason about.
  const phones: string[] = [];
  const bad: string[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    try {
      phones.push(checkPhone(line));
    } catch {
      bad.push(`line ${lineNo}`);
    }
  }
  if (bad.length > 0) {
    throw new UsageError(
      `${file}: ${bad.length} line(s) are not E.164 numbers (${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''}); nothing imported`,
    );
  }
  if (!config.databaseUrl) await refuseWhileServing(config.dataDir, 'opt-out import');
  await withStores(config, logger, async (stores) => {
    const batch = 1000;
    for (let i = 0; i < phones.length; i += batch) {
      await stores.consent.importOptOuts(phones.slice(i, i + batch));
      if (io.progress) io.err(`\r${Math.min(i + batch, phones.length)} / ${phones.length}`);
    }
    if (io.progress) io.err('\n');
    io.out(`${JSON.stringify({ imported: phones.length })}\n`);
  });
}
