// One suite, every consent store: in memory, JSON Lines, PGlite (PostgreSQL in process) and a
// real PostgreSQL server started by this file.
import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryConsentStore,
  createSqlConsentStore,
  type ConsentStore,
  type SqlQuery,
} from '../../src/server/index.js';
import { createJsonLinesConsentStore } from '../../src/server/node.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { cleanup, post, registration, startHarness } from './helpers.js';
import { alias, consentRecord, SECRET } from './consent-records.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

interface Factory {
  name: string;
  make(options: { retentionDays?: number }): Promise<ConsentStore>;
}

let postgres: PostgresServer;
let pool: pg.Pool;
let pglite: PGlite;
let tables = 0;
const closers: (() => Promise<void>)[] = [];

const sqlStore = (query: SqlQuery) => async (options: { retentionDays?: number }) => {
  const store = createSqlConsentStore({
    query,
    table: `psf_consent_${++tables}`,
    aliasSecret: SECRET,
    storePhone: true,
    pageSize: 2,
    now: () => NOW,
    ...options,
  });
  await store.migrate();
  return store;
};

const factories: Factory[] = [
  {
    name: 'memory',
    make: async (options) => createMemoryConsentStore({ now: () => NOW, ...options }),
  },
  {
    name: 'JSON Lines',
    async make(options) {
      const dir = await mkdtemp(join(tmpdir(), 'psf-stores-'));
      const store = createJsonLinesConsentStore(join(dir, 'consent.jsonl'), {
        sync: false,
        now: () => NOW,
        ...options,
      });
      closers.push(async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      });
      return store;
    },
  },
  { name: 'PGlite', make: sqlStore((text, params) => pglite.query(text, params)) },
  { name: 'PostgreSQL', make: sqlStore((text, params) => pool.query(text, params)) },
];

beforeAll(async () => {
  pglite = await PGlite.create();
  postgres = await startPostgres();
  pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  // PostgreSQL stopping at the end ends the pool's idle connections: not a test's failure.
  pool.on('error', () => undefined);
}, 180_000);

afterAll(async () => {
  for (const close of closers) await close();
  await pool?.end();
  await postgres?.stop();
  await pglite?.close();
}, 30_000);

const A = '+447400123456';
const B = '+447400123457';
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

describe.each(factories)('$name consent store', ({ make }) => {
  it('finds every record of a number, newest first, as it was written', async () => {
    const store = await make({});
    const old = await consentRecord(A, at(3));
    const other = await consentRecord(B, at(2));
    const recent = await consentRecord(A, at(1), { externalId: 'customer-7', doubleOptIn: true });
    for (const r of [old, other, recent]) await store.append(r);

    const found = await store.findConsent(A);
    expect(found).toEqual([
      { ...recent, outcome: null },
      { ...old, outcome: null },
    ]);
    expect(await store.findConsent('+15555550123')).toEqual([]);
  });

  it('exports [since, until) oldest first, streaming across pages', async () => {
    const store = await make({});
    const records = [];
    for (let d = 6; d >= 1; d--) records.push(await consentRecord(d % 2 ? A : B, at(d)));
    for (const r of records) await store.append(r);

    const all = await collect(store.exportConsent());
    expect(all.map((r) => r.id)).toEqual(records.map((r) => r.id));
    const window = await collect(
      store.exportConsent({ since: at(5), until: new Date(NOW - 2 * DAY) }),
    );
    expect(window.map((r) => r.createdAt)).toEqual([at(5), at(4), at(3)]);
    await expect(collect(store.exportConsent({ since: 'yesterday-ish' }))).rejects.toThrow(
      TypeError,
    );
  });

  it('erases a number: its records go, a tombstone stays, others are untouched', async () => {
    const store = await make({});
    await store.append(await consentRecord(A, at(2)));
    await store.append(await consentRecord(A, at(1)));
    const kept = await consentRecord(B, at(1));
    await store.append(kept);

    expect(await store.eraseConsent(A)).toBe(2);
    expect(await store.findConsent(A)).toEqual([]);
    expect((await collect(store.exportConsent())).map((r) => r.id)).toEqual([kept.id]);
    expect(await store.listErasures()).toEqual([
      { phoneAlias: await alias(A), erasedAt: new Date(NOW).toISOString(), count: 2 },
    ]);
    // Erasing again finds nothing to erase, and says so.
    expect(await store.eraseConsent(A)).toBe(0);
    expect((await store.listErasures()).map((e) => e.count)).toEqual([2, 0]);
  });

  it('purges records past retentionDays and keeps the rest', async () => {
    const store = await make({ retentionDays: 30 });
    const expired = await consentRecord(A, at(31));
    const fresh = await consentRecord(A, at(29));
    await store.append(expired);
    await store.append(fresh);
    expect(await store.purgeExpired()).toBe(1);
    expect((await store.findConsent(A)).map((r) => r.id)).toEqual([fresh.id]);
    expect(await store.purgeExpired()).toBe(0);
  });

  it('keeps an attempt that was refused, marked as not registered', async () => {
    const store = await make({});
    const refused = await consentRecord(A, at(2));
    const registered = await consentRecord(A, at(1));
    await store.append(refused);
    await store.append(registered);
    await store.recordOutcome(refused.id, 'opted-out');
    const found = await store.findConsent(A);
    expect(found.map((r) => [r.id, r.outcome])).toEqual([
      [registered.id, null],
      [refused.id, 'opted-out'],
    ]);
  });

  it('refuses an invalid number with a TypeError that does not echo it', async () => {
    const store = await make({});
    for (const bad of ['', '07400123456', '+44 7400 123456', '+0123456789', null, 447400123456]) {
      await expect(store.findConsent(bad as string)).rejects.toThrow(TypeError);
      await expect(store.eraseConsent(bad as string)).rejects.toThrow(/E\.164/);
    }
    await expect(store.findConsent('+44 7400 123456')).rejects.not.toThrow(/7400/);
  });

  it('stores hostile text in every field exactly (quotes, semicolons, --)', async () => {
    const store = await make({});
    const evil = `'); DROP TABLE psf_consent; -- "quoted" \\ ; $1 $$ --`;
    const record = await consentRecord(A, at(1), {
      consentText: evil,
      consentTextSha256: evil,
      elementVersion: evil,
      textId: evil,
      locale: evil,
      pageUrl: evil,
      origin: evil,
      referrer: evil,
      ip: evil,
      userAgent: evil,
      externalId: evil,
      reportedOnesignalId: evil,
      idempotencyKey: evil,
      onesignalAppId: evil,
      phoneCountry: evil,
    });
    await store.append(record);
    await store.append(await consentRecord(B, at(1)));
    expect(await store.findConsent(A)).toEqual([{ ...record, outcome: null }]);
    expect((await collect(store.exportConsent())).length).toBe(2);
  });
});

describe('SQL consent store', () => {
  const query: SqlQuery = (text, params) => pglite.query(text, params);

  it('migrates idempotently and refuses a schema newer than it knows', async () => {
    const store = createSqlConsentStore({ query, table: 'psf_migrate', aliasSecret: SECRET });
    expect(await store.migrate()).toBe(2);
    expect(await store.migrate()).toBe(2);
    const { rows } = await pglite.query<{ version: number }>(
      'SELECT version FROM psf_migrate_schema ORDER BY version',
    );
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
    await pglite.query('INSERT INTO psf_migrate_schema (version) VALUES (99)');
    await expect(store.migrate()).rejects.toThrow(/schema version 99/);
  });

  it('keeps only the alias by default, and refuses UPDATE (append-only)', async () => {
    const store = createSqlConsentStore({ query, table: 'psf_alias_only', aliasSecret: SECRET });
    await store.migrate();
    const record = await consentRecord(A, at(1));
    await store.append(record);
    const { rows } = await pglite.query<{ phone: string | null; record: unknown }>(
      'SELECT phone, record FROM psf_alias_only',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.phone).toBeNull();
    expect(JSON.stringify(rows[0]?.record)).not.toContain('7400123456');
    const [found] = await store.findConsent(A);
    expect(found).toMatchObject({ id: record.id, phone: null, phoneAlias: record.phoneAlias });
    await expect(pglite.query(`UPDATE psf_alias_only SET phone_alias = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('encrypts the number when given a cipher', async () => {
    const store = createSqlConsentStore({
      query,
      table: 'psf_cipher',
      aliasSecret: SECRET,
      storePhone: {
        encrypt: (p) => `enc:${[...p].reverse().join('')}`,
        decrypt: (s) => [...s.slice(4)].reverse().join(''),
      },
    });
    await store.migrate();
    await store.append(await consentRecord(A, at(1)));
    const { rows } = await pglite.query<{ phone: string }>('SELECT phone FROM psf_cipher');
    expect(rows[0]?.phone).toBe('enc:654321004744+');
    expect((await store.findConsent(A))[0]?.phone).toBe(A);
  });

  it('refuses a record whose alias was made with another secret, and bad options', async () => {
    const store = createSqlConsentStore({ query, table: 'psf_secret', aliasSecret: `${SECRET}x` });
    await store.migrate();
    await expect(store.append(await consentRecord(A, at(1)))).rejects.toThrow(/aliasSecret/);
    expect(() => createSqlConsentStore({ query, aliasSecret: 'short' })).toThrow(TypeError);
    expect(() =>
      createSqlConsentStore({ query, aliasSecret: SECRET, table: 'x; DROP TABLE y' }),
    ).toThrow(/table must be/);
  });
});

describe('SQL consent store behind the handler (PostgreSQL)', () => {
  it('answers 503 without calling OneSignal when the connection dies mid-append', async () => {
    const store = createSqlConsentStore({
      query: (text, params) => pool.query(text, params),
      table: 'psf_killed',
      aliasSecret: SECRET,
    });
    await store.migrate();
    const { url, sim } = await startHarness({ consentStore: store, aliasSecret: SECRET });
    // Hold the table so the INSERT waits, then kill the connection it waits on.
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE psf_killed IN ACCESS EXCLUSIVE MODE');
      const answer = post(url, registration());
      let pid: number | undefined;
      for (let i = 0; i < 200 && pid === undefined; i++) {
        const { rows } = await pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE query LIKE 'INSERT INTO "psf_killed"%' AND wait_event_type = 'Lock'`,
        );
        pid = rows[0]?.pid;
        if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(pid).toBeDefined();
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await answer;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(sim.requests).toHaveLength(0);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // The pool recovers; what is acknowledged is there.
    expect((await post(url, registration())).status).toBe(201);
    expect(await store.findConsent('+447400123456')).toHaveLength(1);
    await cleanup();
  });
});

describe('JSON Lines consent store', () => {
  it('removes erased numbers from the file itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'psf-erase-'));
    const path = join(dir, 'consent.jsonl');
    const store = createJsonLinesConsentStore(path, { sync: false });
    await store.append(await consentRecord(A, at(1)));
    await store.append(await consentRecord(B, at(1)));
    await store.eraseConsent(A);
    await store.append(await consentRecord(B, at(0)));
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(A);
    expect(text.match(/\+447400123457/g)).toHaveLength(2);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
});
