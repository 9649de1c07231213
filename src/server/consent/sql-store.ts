import type { ConsentOutcome, ConsentRecord, ConsentStore, StoredConsentRecord } from './record.js';
import { checkPhoneArgument, checkRetentionDays, exportBounds, retentionCutoff } from './query.js';
import { hmacSha256Hex } from '../crypto.js';
import { checkOptOutPhones } from './opt-outs.js';
import { migrate, sqlNames, type SqlQuery } from './sql-schema.js';

export type { SqlQuery } from './sql-schema.js';

/** How the number itself is kept beside its alias: your own encryption, for instance. */
export interface PhoneCipher {
  encrypt(phone: string): string | Promise<string>;
  decrypt(stored: string): string | Promise<string>;
}

export interface SqlConsentStoreOptions {
  /**
   * Runs one parameterised statement: `(text, params) => pool.query(text, params)` for `pg`,
   * `(text, params) => db.query(text, params)` for PGlite, or an HTTP driver's equivalent.
   */
  query: SqlQuery;
  /** Table name (`schema.table` allowed); companions get suffixes. Default `psf_consent`. */
  table?: string;
  /**
   * The handler's `aliasSecret`: records are found by the HMAC of the number, which needs it.
   * A record whose alias was made with another secret is refused (it could never be found).
   */
  aliasSecret: string;
  /**
   * Keep the number itself: `false` (default) keeps only its HMAC, so a leaked table does not
   * list phone numbers, but an export then cannot say which number a record is for (find it by
   * number still works). `true` keeps it in clear; a `PhoneCipher` keeps what you encrypt.
   */
  storePhone?: boolean | PhoneCipher;
  /** See `purgeExpired`. Default 1826 (five years). */
  retentionDays?: number;
  /** Records per round trip while exporting. Default 500. */
  pageSize?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

export interface SqlConsentStore extends ConsentStore {
  /** Creates or upgrades the tables and indexes (idempotent); returns the schema version. */
  migrate(): Promise<number>;
}

interface Row {
  phone: string | null;
  record: unknown;
  outcome: string | null;
  created_at?: unknown;
  id?: string;
}

const bad = (message: string): never => {
  throw new TypeError(`createSqlConsentStore: ${message}`);
};

/**
 * Consent records in PostgreSQL, with no driver imported. Append-only: records are inserted,
 * never updated (a trigger refuses UPDATE); erasure and retention delete rows. Every value
 * travels as a parameter, never inside the SQL text.
 */
export function createSqlConsentStore(options: SqlConsentStoreOptions): SqlConsentStore {
  if (typeof options?.query !== 'function')
    bad('query(text, params) => Promise<{ rows }> is required');
  if (typeof options.aliasSecret !== 'string' || options.aliasSecret.length < 16) {
    bad('aliasSecret is required: the same 16+ character secret the handler uses');
  }
  const n = sqlNames(options.table ?? 'psf_consent');
  const retentionDays = checkRetentionDays('createSqlConsentStore', options.retentionDays);
  const pageSize = options.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    bad('pageSize must be a whole number, at least 1');
  const { query } = options;
  const now = options.now ?? Date.now;
  const alias = hmacSha256Hex(options.aliasSecret);
  const cipher: PhoneCipher | null =
    options.storePhone === true
      ? { encrypt: (p) => p, decrypt: (p) => p }
      : options.storePhone
        ? options.storePhone
        : null;

  const SELECT = `SELECT c.id, c.created_at, c.phone, c.record, o.outcome
    FROM ${n.records} c LEFT JOIN ${n.outcomes} o ON o.record_id = c.id`;

  async function toStored(row: Row): Promise<StoredConsentRecord> {
    const record = (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as Omit<
      StoredConsentRecord,
      'phone' | 'outcome'
    >;
    const phone = row.phone !== null && cipher ? await cipher.decrypt(row.phone) : null;
    return { ...record, phone, outcome: (row.outcome as ConsentOutcome | null) ?? null };
  }

  const count = (rows: unknown[]): number => Number((rows[0] as { count?: unknown })?.count ?? 0);

  return {
    migrate: () => migrate(query, n),
    usesAliasSecret: (secret) => secret === options.aliasSecret,
    async append(record: ConsentRecord) {
      if ((await alias(record.phone)) !== record.phoneAlias) {
        throw new Error('createSqlConsentStore: aliasSecret differs from the handler’s');
      }
      const { phone, ...rest } = record;
      await query(
        `INSERT INTO ${n.records} (id, created_at, phone_alias, phone, record) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [
          record.id,
          record.createdAt,
          record.phoneAlias,
          cipher ? await cipher.encrypt(phone) : null,
          JSON.stringify(rest),
        ],
      );
    },
    async importOptOuts(phones, opts = {}) {
      const list = checkOptOutPhones(phones);
      if (list.length === 0) return 0;
      const { rows } = await query(
        `INSERT INTO ${n.optOuts} (phone, learned, at) SELECT unnest($1::text[]), $2, $3
          ON CONFLICT (phone) DO NOTHING RETURNING 1`,
        [list, opts.learned === true, new Date(now()).toISOString()],
      );
      return rows.length;
    },
    async findOptOut(phone) {
      const { rows } = await query(`SELECT learned, at FROM ${n.optOuts} WHERE phone = $1`, [
        checkPhoneArgument('findOptOut', phone),
      ]);
      const row = rows[0] as { learned: boolean; at: unknown } | undefined;
      return row ? { learned: row.learned, at: new Date(row.at as string).toISOString() } : null;
    },
    async clearOptOut(phone) {
      const { rows } = await query(`DELETE FROM ${n.optOuts} WHERE phone = $1 RETURNING 1`, [
        checkPhoneArgument('clearOptOut', phone),
      ]);
      return rows.length > 0;
    },
    async withdraw(recordId) {
      await query(`DELETE FROM ${n.records} WHERE id = $1`, [recordId]);
    },
    async recordOutcome(recordId, outcome) {
      await query(
        `INSERT INTO ${n.outcomes} (record_id, outcome, at) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`,
        [recordId, outcome, new Date(now()).toISOString()],
      );
    },
    async findConsent(phone) {
      const key = await alias(checkPhoneArgument('findConsent', phone));
      const { rows } = await query(
        `${SELECT} WHERE c.phone_alias = $1 ORDER BY c.created_at DESC, c.id DESC`,
        [key],
      );
      return Promise.all((rows as Row[]).map(toStored));
    },
    async *exportConsent(range) {
      const bounds = exportBounds(range);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const [since, until] = [iso(bounds.since), iso(bounds.until)];
      // Keyset pages: each round trip is an index range scan, however far into the table.
      let after: { at: unknown; id: string } | null = null;
      for (;;) {
        const { rows }: { rows: unknown[] } = await query(
          `${SELECT} WHERE ($1::timestamptz IS NULL OR c.created_at >= $1)
            AND ($2::timestamptz IS NULL OR c.created_at < $2)
            AND ($3::timestamptz IS NULL OR (c.created_at, c.id) > ($3::timestamptz, $4::uuid))
            ORDER BY c.created_at, c.id LIMIT $5`,
          [since, until, after?.at ?? null, after?.id ?? null, pageSize],
        );
        for (const row of rows as Row[]) yield await toStored(row);
        const last = rows[rows.length - 1] as Row | undefined;
        if (rows.length < pageSize || !last) return;
        after = { at: last.created_at, id: last.id as string };
      }
    },
    async eraseConsent(phone) {
      const key = await alias(checkPhoneArgument('eraseConsent', phone));
      // One statement: the rows go and the tombstone is written together, or neither.
      const { rows } = await query(
        `WITH gone AS (DELETE FROM ${n.records} WHERE phone_alias = $1 RETURNING 1)
          INSERT INTO ${n.erasures} (phone_alias, erased_at, count)
          SELECT $1, $2, count(*)::int FROM gone RETURNING count`,
        [key, new Date(now()).toISOString()],
      );
      return count(rows);
    },
    async listErasures() {
      const { rows } = await query(
        `SELECT phone_alias, erased_at, count FROM ${n.erasures} ORDER BY erased_at`,
      );
      return (rows as { phone_alias: string | null; erased_at: unknown; count: number }[]).map(
        (r) => ({
          phoneAlias: r.phone_alias,
          erasedAt: new Date(r.erased_at as string).toISOString(),
          count: Number(r.count),
        }),
      );
    },
    async purgeExpired() {
      const { rows } = await query(
        `WITH gone AS (DELETE FROM ${n.records} WHERE created_at < $1 RETURNING 1)
          SELECT count(*)::int AS count FROM gone`,
        [retentionCutoff(retentionDays, now()).toISOString()],
      );
      return count(rows);
    },
  };
}
