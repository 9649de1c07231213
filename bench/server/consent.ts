// `npm run bench:consent`: appends per second to the SQL consent store on PGlite (in process,
// in memory) and on PostgreSQL (Debian's, started here on loopback, durable defaults), then
// findConsent latency with a million records in the table. Prints; asserts nothing.
import { PGlite } from '@electric-sql/pglite';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createSqlConsentStore, type SqlQuery } from '../../src/server/index.js';
import { consentRecord, SECRET } from '../../test/server/consent-records.js';
import { startPostgres } from '../../test/server/postgres-server.js';

const APPENDS = Number(process.env.APPENDS ?? 2000);
const ROWS = Number(process.env.ROWS ?? 1_000_000);
/** PGlite fills slower (WASM, one thread): its own count, a million unless told otherwise. */
const PGLITE_ROWS = Number(process.env.PGLITE_ROWS ?? ROWS);
const LOOKUPS = 200;

const phone = (i: number) => `+4474${String(i).padStart(8, '0')}`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function measure(
  name: string,
  query: SqlQuery,
  concurrencies: number[],
  rows: number,
): Promise<void> {
  const store = createSqlConsentStore({ query, table: 'bench_consent', aliasSecret: SECRET });
  for (const concurrency of concurrencies) {
    await query(
      'DROP TABLE IF EXISTS bench_consent_outcome, bench_consent_erasure, bench_consent_schema, bench_consent',
    );
    await store.migrate();
    const records = await Promise.all(
      Array.from({ length: APPENDS }, (_, i) => consentRecord(phone(i), new Date().toISOString())),
    );
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let r = records[next++]; r; r = records[next++]) await store.append(r);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name}: ${Math.round(APPENDS / seconds)} appends/s (${APPENDS} records, ${concurrency} at a time)`,
    );
  }

  // Filler rows straight from SQL: a million other numbers' records (aliases unique, JSON small).
  const fillStart = performance.now();
  await query(
    `INSERT INTO bench_consent (id, created_at, phone_alias, phone, record)
      SELECT gen_random_uuid(), now() - (i || ' seconds')::interval, md5(i::text), NULL,
        jsonb_build_object('version', 2, 'consentText', 'filler', 'n', i)
      FROM generate_series(1, $1::int) AS i`,
    [rows - APPENDS],
  );
  await query('ANALYZE bench_consent');
  console.log(
    `${name}: ${rows} records loaded in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
  );

  const times: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const t = performance.now();
    const found = await store.findConsent(phone((i * 7919) % APPENDS));
    times.push(performance.now() - t);
    if (found.length !== 1) throw new Error(`expected one record, found ${found.length}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: findConsent with ${rows} records: p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms (${LOOKUPS} look-ups)`,
  );
}

const pglite = await PGlite.create();
await measure('PGlite (in memory)', (text, params) => pglite.query(text, params), [1], PGLITE_ROWS);
await pglite.close();

const server = await startPostgres();
const pool = new pg.Pool({ connectionString: server.url, max: 8 });
try {
  const query: SqlQuery = (text, params) => pool.query(text, params);
  await measure('PostgreSQL 15 (loopback, fsync on)', query, [1, 8], ROWS);
} finally {
  await pool.end();
  await server.stop();
}
