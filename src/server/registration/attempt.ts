/** One registration attempt as the steps after validation see it, and how it ends. */
import type { RegistrationRequest } from '../../wire/contract.js';
import type { Answer } from '../http/problem.js';
import type { CheckedPhone } from './phone.js';

export interface Registration {
  body: RegistrationRequest;
  phone: CheckedPhone;
  /** HMAC of the number: the alias that finds this number's user again, never the number. */
  phoneAlias: string;
  externalId: string | null;
  /** The consent record written for this attempt. */
  consentRecordId: string;
}

/** `final` answers are kept for idempotent replays; the others are retryable and are not. */
export interface Outcome {
  answer: Answer;
  final: boolean;
}
