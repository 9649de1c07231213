/**
 * The local opt-out list every consent store keeps: numbers that texted STOP, by their E.164
 * (no secret is involved, so rotating the API key or the alias secret changes nothing). Filled
 * by `importOptOuts` (the operator's list: numbers opted out on users this server never made)
 * and by every opt-out the server learns from OneSignal.
 */
import { checkPhoneArgument } from './query.js';

export interface OptOutEntry {
  /** True when the server learned it from OneSignal (START there lifts it); false: imported. */
  learned: boolean;
  at: string;
}

export interface OptOutList {
  /** Adds numbers; returns how many were not on the list. Every number is checked first. */
  importOptOuts(phones: readonly string[], options?: { learned?: boolean }): Promise<number>;
  findOptOut(phone: string): Promise<OptOutEntry | null>;
  /** Takes a number off the list (it texted START, or the operator says so); true if it was on. */
  clearOptOut(phone: string): Promise<boolean>;
}

export function checkOptOutPhones(phones: unknown): string[] {
  if (!Array.isArray(phones)) {
    throw new TypeError('importOptOuts: expected an array of E.164 numbers');
  }
  return phones.map((p) => checkPhoneArgument('importOptOuts', p));
}

/** The list in a Map, for the memory store and as the JSON Lines store's index. */
export function createOptOutMap(
  now: () => number,
  persist?: (phone: string, entry: OptOutEntry | null) => Promise<void>,
): OptOutList & { entries: Map<string, OptOutEntry> } {
  const entries = new Map<string, OptOutEntry>();
  return {
    entries,
    async importOptOuts(phones, options = {}) {
      let added = 0;
      for (const phone of checkOptOutPhones(phones)) {
        if (entries.has(phone)) continue;
        const entry = { learned: options.learned === true, at: new Date(now()).toISOString() };
        await persist?.(phone, entry);
        entries.set(phone, entry);
        added++;
      }
      return added;
    },
    async findOptOut(phone) {
      return entries.get(checkPhoneArgument('findOptOut', phone)) ?? null;
    },
    async clearOptOut(phone) {
      if (!entries.has(checkPhoneArgument('clearOptOut', phone))) return false;
      await persist?.(phone, null);
      return entries.delete(phone);
    },
  };
}
