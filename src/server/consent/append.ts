/**
 * The consent record's write, under the store's deadline. A write that lands after the deadline
 * (the database was stalled, then came back) belongs to a request already answered 503: the
 * visitor retries under a new record, so the late one is withdrawn. Refused means nothing kept.
 */
import { withDeadline, type StoreCall } from '../http/deadline.js';
import type { Logger } from '../logger.js';
import type { ConsentRecord, ConsentWriter } from './record.js';

/** The withdrawal waits for a store that was slow a moment ago: a generous bound, still one. */
const WITHDRAW_DEADLINE_MS = 60_000;

export async function appendConsent(
  store: ConsentWriter,
  record: ConsentRecord,
  storeCall: StoreCall,
  logger: Logger,
  fields: Record<string, unknown>,
): Promise<void> {
  const write = store.append(record);
  try {
    await storeCall('Consent store', () => write, fields);
  } catch (refusal) {
    // Only a write that later succeeds needs taking back; a failed one kept nothing.
    write.then(
      () => withdrawLate(store, record.id, logger, fields),
      () => undefined,
    );
    throw refusal;
  }
}

async function withdrawLate(
  store: ConsentWriter,
  id: string,
  logger: Logger,
  fields: Record<string, unknown>,
): Promise<void> {
  if (!store.withdraw) {
    logger.error('Consent record written after its request was refused (store has no withdraw)', {
      ...fields,
      recordId: id,
    });
    return;
  }
  try {
    await withDeadline(store.withdraw(id), WITHDRAW_DEADLINE_MS, 'Consent store (withdraw)');
    logger.warn('Consent record written after its request was refused: withdrawn', fields);
  } catch (error) {
    logger.error('Consent record of a refused request could not be withdrawn', {
      ...fields,
      recordId: id,
      error,
    });
  }
}
