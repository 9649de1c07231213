// The SQL consent store as operators run it: several instances deploying at once on one fresh
// PostgreSQL, a pool whose idle connections get terminated, stores that stall.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlConsentStore } from '../../src/server/index.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { SECRET } from './consent-records.js';

let postgres: PostgresServer;
let pool: pg.Pool;

beforeAll(async () => {
  postgres = await startPostgres();
  pool = new pg.Pool({ connectionString: postgres.url, max: 30 });
  // The server's shutdown ends idle connections: without a listener that is a crash (docs/server.md).
  pool.on('error', () => undefined);
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await postgres?.stop();
}, 30_000);

describe('migrate() on PostgreSQL', () => {
  it('lets 24 instances migrate one fresh database at once', async () => {
    const stores = Array.from({ length: 24 }, () =>
      createSqlConsentStore({
        query: (text, params) => pool.query(text, params),
        table: 'psf_parallel',
        aliasSecret: SECRET,
      }),
    );
    const results = await Promise.allSettled(stores.map((s) => s.migrate()));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const { rows } = await pool.query('SELECT version FROM psf_parallel_schema');
    expect(rows).toEqual([{ version: 1 }]);
  });
});
