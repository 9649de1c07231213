import { createOptOutMap } from './opt-outs.js';
import type {
  ConsentErasure,
  ConsentOutcome,
  ConsentRecord,
  ConsentStore,
  StoredConsentRecord,
} from './record.js';
import {
  checkPhoneArgument,
  checkRetentionDays,
  exportBounds,
  inBounds,
  retentionCutoff,
} from './query.js';

export interface MemoryConsentStoreOptions {
  /**
   * Records held at most (default 10 000, about 10 MB). When full, `append` fails, so the
   * registration is refused (503) rather than an older record forgotten.
   */
  maxRecords?: number;
  /** See `purgeExpired`. Default 1826 (five years). */
  retentionDays?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

export interface MemoryConsentStore extends ConsentStore {
  readonly records: readonly ConsentRecord[];
}

/**
 * Keeps records in this process only: for tests, demos and one-off scripts. They are lost on
 * restart, which is why the handler refuses it as a default under `NODE_ENV=production`.
 */
export function createMemoryConsentStore(
  options: MemoryConsentStoreOptions = {},
): MemoryConsentStore {
  const maxRecords = options.maxRecords ?? 10_000;
  if (!Number.isInteger(maxRecords) || maxRecords < 1) {
    throw new TypeError('createMemoryConsentStore: maxRecords must be a whole number, at least 1');
  }
  const retentionDays = checkRetentionDays('createMemoryConsentStore', options.retentionDays);
  const now = options.now ?? Date.now;
  let records: ConsentRecord[] = [];
  const outcomes = new Map<string, ConsentOutcome>();
  const erasures: ConsentErasure[] = [];

  const stored = (r: ConsentRecord): StoredConsentRecord => ({
    ...structuredClone(r),
    outcome: outcomes.get(r.id) ?? null,
  });
  const remove = (gone: (r: ConsentRecord) => boolean): number => {
    const before = records.length;
    records = records.filter((r) => {
      if (!gone(r)) return true;
      outcomes.delete(r.id);
      return false;
    });
    return before - records.length;
  };

  const optOuts = createOptOutMap(now);
  return {
    importOptOuts: optOuts.importOptOuts,
    findOptOut: optOuts.findOptOut,
    clearOptOut: optOuts.clearOptOut,
    get records() {
      return records;
    },
    async append(record) {
      if (records.length >= maxRecords) {
        throw new Error(
          `createMemoryConsentStore: full (${maxRecords} records); use a durable consentStore`,
        );
      }
      records.push(structuredClone(record));
    },
    async withdraw(recordId) {
      remove((r) => r.id === recordId);
    },
    async recordOutcome(recordId, outcome) {
      if (records.some((r) => r.id === recordId) && !outcomes.has(recordId)) {
        outcomes.set(recordId, outcome);
      }
    },
    async findConsent(phone) {
      checkPhoneArgument('findConsent', phone);
      return records
        .filter((r) => r.phone === phone)
        .reverse()
        .map(stored);
    },
    async *exportConsent(range) {
      const bounds = exportBounds(range);
      for (const r of [...records]) if (inBounds(r.createdAt, bounds)) yield stored(r);
    },
    async eraseConsent(phone) {
      checkPhoneArgument('eraseConsent', phone);
      const alias = records.find((r) => r.phone === phone)?.phoneAlias ?? null;
      const count = remove((r) => r.phone === phone);
      erasures.push({ phoneAlias: alias, erasedAt: new Date(now()).toISOString(), count });
      return count;
    },
    async listErasures() {
      return erasures.map((e) => ({ ...e }));
    },
    async purgeExpired() {
      const cutoff = retentionCutoff(retentionDays, now()).getTime();
      return remove((r) => Date.parse(r.createdAt) < cutoff);
    },
  };
}
