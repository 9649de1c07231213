/**
 * The SQL consent store's tables, PostgreSQL dialect, as numbered migrations. The `query`
 * function may hand each statement to a different pooled connection, so a migration runs as one
 * statement (a `DO` block: one transaction on one connection) that first takes an advisory lock:
 * instances deploying at once queue behind it instead of racing on the catalogue.
 */

export type SqlQuery = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

/** Quoted identifiers for the table and its companions, from a validated base name. */
export interface SqlNames {
  records: string;
  outcomes: string;
  erasures: string;
  optOuts: string;
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
    optOuts: name('_opt_out'),
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
    [
      // The opt-out list, by the number itself: no secret, so no rotation can change it.
      `CREATE TABLE IF NOT EXISTS ${n.optOuts} (
        phone text PRIMARY KEY,
        learned boolean NOT NULL,
        at timestamptz NOT NULL
      )`,
    ],
  ];
}

/** The lock's key: the same for every instance migrating this table, different per table. */
function lockKey(name: string): number {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

/** Creates or upgrades the tables; returns the schema version now in place. */
export async function migrate(query: SqlQuery, n: SqlNames): Promise<number> {
  const all = migrations(n);
  // Names are checked identifiers (sqlNames) and the key a number: nothing here is user input.
  const steps = all
    .map(
      (statements, i) => `IF v < ${i + 1} THEN
        ${statements.map((s) => `${s};`).join('\n')}
        INSERT INTO ${n.schema} (version) VALUES (${i + 1});
      END IF;`,
    )
    .join('\n');
  await query(`DO $psf_migrate$ DECLARE v integer; BEGIN
    PERFORM pg_advisory_xact_lock(${lockKey(n.schema)});
    CREATE TABLE IF NOT EXISTS ${n.schema} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
    SELECT coalesce(max(version), 0) INTO v FROM ${n.schema};
    ${steps}
  END $psf_migrate$`);
  const { rows } = await query(`SELECT coalesce(max(version), 0)::int AS version FROM ${n.schema}`);
  const current = Number((rows[0] as { version?: unknown } | undefined)?.version ?? 0);
  if (current > all.length) {
    throw new Error(
      `createSqlConsentStore: the table is at schema version ${current}, newer than this package knows (${all.length}); upgrade push-sms-fallback`,
    );
  }
  return all.length;
}
