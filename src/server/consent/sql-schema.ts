/**
 * The SQL consent store's tables, PostgreSQL dialect, as numbered migrations. Every statement is
 * idempotent on its own (`IF NOT EXISTS`, `OR REPLACE`): the `query` function may hand each one
 * to a different pooled connection, so they cannot share a transaction.
 */

export type SqlQuery = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

/** Quoted identifiers for the table and its companions, from a validated base name. */
export interface SqlNames {
  records: string;
  outcomes: string;
  erasures: string;
  schema: string;
  appendOnly: string;
  aliasIndex: string;
  createdIndex: string;
}

const PART = /^[a-z_][a-z0-9_]{0,39}$/;

/** `table` or `schema.table`, lower case: the names are built from it, never from user input. */
export function sqlNames(table: string): SqlNames {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((p) => PART.test(p))) {
    throw new TypeError(
      'createSqlConsentStore: table must be a lower-case name such as "psf_consent" (or "schema.psf_consent")',
    );
  }
  const base = parts.pop() as string;
  const prefix = parts.length ? `"${parts[0]}".` : '';
  const name = (suffix: string) => `${prefix}"${base}${suffix}"`;
  return {
    records: name(''),
    outcomes: name('_outcome'),
    erasures: name('_erasure'),
    schema: name('_schema'),
    appendOnly: name('_append_only'),
    aliasIndex: `"${base}_alias_idx"`,
    createdIndex: `"${base}_created_idx"`,
  };
}

/** Migration n is at index n - 1. Never edit one that has shipped: add the next. */
export function migrations(n: SqlNames): string[][] {
  return [
    [
      `CREATE TABLE IF NOT EXISTS ${n.records} (
        id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL,
        phone_alias text NOT NULL,
        phone text,
        record jsonb NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS ${n.aliasIndex} ON ${n.records} (phone_alias, created_at DESC)`,
      `CREATE INDEX IF NOT EXISTS ${n.createdIndex} ON ${n.records} (created_at, id)`,
      `CREATE TABLE IF NOT EXISTS ${n.outcomes} (
        record_id uuid PRIMARY KEY REFERENCES ${n.records} (id) ON DELETE CASCADE,
        outcome text NOT NULL,
        at timestamptz NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS ${n.erasures} (
        phone_alias text,
        erased_at timestamptz NOT NULL,
        count integer NOT NULL
      )`,
      // Evidence is never rewritten: the database itself refuses an UPDATE.
      `CREATE OR REPLACE FUNCTION ${n.appendOnly}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'consent records are append-only'; END $$`,
      `CREATE OR REPLACE TRIGGER "append_only" BEFORE UPDATE ON ${n.records}
        FOR EACH ROW EXECUTE FUNCTION ${n.appendOnly}()`,
      `CREATE OR REPLACE TRIGGER "append_only" BEFORE UPDATE ON ${n.outcomes}
        FOR EACH ROW EXECUTE FUNCTION ${n.appendOnly}()`,
    ],
  ];
}

/** Creates or upgrades the tables; returns the schema version now in place. */
export async function migrate(query: SqlQuery, n: SqlNames): Promise<number> {
  await query(
    `CREATE TABLE IF NOT EXISTS ${n.schema} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await query(`SELECT coalesce(max(version), 0)::int AS version FROM ${n.schema}`);
  const current = Number((rows[0] as { version?: unknown } | undefined)?.version ?? 0);
  const all = migrations(n);
  if (current > all.length) {
    throw new Error(
      `createSqlConsentStore: the table is at schema version ${current}, newer than this package knows (${all.length}); upgrade push-sms-fallback`,
    );
  }
  for (let version = current + 1; version <= all.length; version++) {
    for (const statement of all[version - 1] ?? []) await query(statement);
    await query(`INSERT INTO ${n.schema} (version) VALUES ($1) ON CONFLICT (version) DO NOTHING`, [
      version,
    ]);
  }
  return all.length;
}
