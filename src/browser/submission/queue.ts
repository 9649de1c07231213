import type { RegistrationRequest } from '../../wire/contract.js';
import { QUEUE_KEY, readItem, writeItem } from '../device-memory.js';

/** One submission, stored whole so a later page view resends exactly the same request. */
export interface Submission {
  endpoint: string;
  body: RegistrationRequest;
}

export function queued(): Submission[] {
  try {
    const list: unknown = JSON.parse(readItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(list) ? (list as Submission[]) : [];
  } catch {
    return [];
  }
}

function save(list: Submission[]): void {
  writeItem(QUEUE_KEY, list.length ? JSON.stringify(list) : null);
}

/** Adds or replaces (by Idempotency-Key) a submission. */
export function enqueue(submission: Submission): void {
  const key = submission.body.idempotencyKey;
  save([...queued().filter((s) => s.body.idempotencyKey !== key), submission]);
}

export function dequeue(idempotencyKey: string): void {
  save(queued().filter((s) => s.body.idempotencyKey !== idempotencyKey));
}
