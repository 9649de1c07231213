// The SQL consent store as operators run it: several instances deploying at once on one fresh
// PostgreSQL, a pool whose idle connections get terminated, stores that stall.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmsFallbackHandler, createSqlConsentStore } from '../../src/server/index.js';
import { cleanup, post, registration, startHarness } from './helpers.js';
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

afterEach(cleanup);

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
    const { rows } = await pool.query('SELECT version FROM psf_parallel_schema ORDER BY version');
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });
});

/** The page's snippet that sets up `pg.Pool` for the SQL store, as a reader copies it. */
function documentedPoolSetup(): string {
  const docs = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
  const snippet = [...docs.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((code) => code.includes('new pg.Pool('));
  if (!snippet) throw new Error('docs/server.md has no pg.Pool snippet');
  const entry = new URL('../../src/server/index.ts', import.meta.url).pathname;
  // The temp file sits outside the project: imports go by absolute path.
  const driver = createRequire(import.meta.url).resolve('pg');
  return snippet
    .replace(/^ {2}/gm, '')
    .replaceAll("'push-sms-fallback/server'", `'${entry}'`)
    .replaceAll("from 'pg'", `from '${driver}'`);
}

describe('the documented pg.Pool setup', () => {
  it('survives PostgreSQL terminating an idle connection (a child process runs it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psf-pool-'));
    const file = join(dir, 'service.mts');
    // After the setup: one query leaves an idle pooled connection; the parent terminates it;
    // the process must still be alive to answer the next query.
    writeFileSync(
      file,
      `${documentedPoolSetup()}
await pool.query('SELECT 1');
console.log('ready ' + (await pool.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
process.stdin.once('data', async () => {
  process.stdin.destroy();
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log('alive ' + (await pool.query('SELECT 1 AS one')).rows[0].one);
  await pool.end();
});
`,
    );
    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    const child = spawn(tsx, [file], {
      env: { ...process.env, DATABASE_URL: postgres.url, PSF_ALIAS_SECRET: SECRET },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      for (let i = 0; i < 600 && !/ready \d+/.test(out) && child.exitCode === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const pid = Number(/ready (\d+)/.exec(out)?.[1]);
      expect(pid, err).toBeGreaterThan(0);
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      child.stdin.write('go\n');
      expect(await exited, err).toBe(0);
      expect(out).toContain('alive 1');
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('aliasSecret shared by the handler and the SQL store', () => {
  const store = (aliasSecret: string) =>
    createSqlConsentStore({
      query: (text, params) => pool.query(text, params),
      table: 'psf_secrets',
      aliasSecret,
    });

  it('refuses, when the handler is made, a store whose aliasSecret differs', async () => {
    const consentStore = store(SECRET);
    await consentStore.migrate();
    const make = (aliasSecret?: string) => () =>
      createSmsFallbackHandler({
        appId: '00000000-0000-4000-8000-000000000000',
        apiKey: 'test-api-key',
        allowedOrigins: ['https://shop.example'],
        consentStore,
        ...(aliasSecret ? { aliasSecret } : {}),
      });
    expect(make(`${SECRET}-other`)).toThrow(/aliasSecret differs from the consent store/);
    // The default (derived from the API key) differs too: the store was given its own.
    expect(make()).toThrow(/aliasSecret differs from the consent store/);
    // The same secret: registrations go through and the record is found by number.
    const { url } = await startHarness({ consentStore, aliasSecret: SECRET });
    expect((await post(url, registration())).status).toBe(201);
    expect(await consentStore.findConsent('+447400123456')).toHaveLength(1);
  });
});

describe('a consent store that misses its deadline (PostgreSQL)', () => {
  it('keeps no record for a request it answered 503, once the database answers again', async () => {
    const consentStore = createSqlConsentStore({
      query: (text, params) => pool.query(text, params),
      table: 'psf_refused',
      aliasSecret: SECRET,
    });
    await consentStore.migrate();
    const { url, sim } = await startHarness({
      consentStore,
      aliasSecret: SECRET,
      storeTimeoutMs: 1000,
      rateLimit: false,
    });
    const count = async () =>
      Number((await pool.query('SELECT count(*)::int AS n FROM psf_refused')).rows[0].n);
    // Hold the table: every INSERT waits past the store's deadline.
    const blocker = await pool.connect();
    const phones = Array.from({ length: 5 }, (_, i) => `+4474001234${50 + i}`);
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE psf_refused IN ACCESS EXCLUSIVE MODE');
      const answers = await Promise.all(phones.map((phone) => post(url, registration({ phone }))));
      expect(answers.map((r) => r.status)).toEqual(phones.map(() => 503));
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // The database is back: the waiting INSERTs run. None of them may stay.
    for (let i = 0; i < 100; i++) {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%psf_refused%' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0 && (await count()) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await count()).toBe(0);
    expect(sim.requests).toHaveLength(0);
    // Retried, each registers once.
    for (const phone of phones) expect((await post(url, registration({ phone }))).status).toBe(201);
    expect(await count()).toBe(phones.length);
  }, 30_000);
});

describe('the opt-out list (PostgreSQL)', () => {
  it('keeps imported and learned numbers across instances, by the number itself', async () => {
    const make = (aliasSecret: string) =>
      createSqlConsentStore({
        query: (text, params) => pool.query(text, params),
        table: 'psf_optouts',
        aliasSecret,
      });
    const first = make(SECRET);
    await first.migrate();
    expect(await first.importOptOuts(['+447400123456', '+447400123457'])).toBe(2);
    expect(await first.importOptOuts(['+447400123456'], { learned: true })).toBe(0);
    // Another instance, even with another secret, sees the same list.
    const second = make(`${SECRET}-rotated`);
    expect(await second.findOptOut('+447400123456')).toMatchObject({ learned: false });
    expect(await second.clearOptOut('+447400123457')).toBe(true);
    expect(await first.findOptOut('+447400123457')).toBeNull();
    await expect(first.importOptOuts(['+44 7400 123456'])).rejects.toThrow(TypeError);
  });
});
