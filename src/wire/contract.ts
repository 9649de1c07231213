/**
 * The wire contract between the element and a backend (contract section 2).
 * Types only: both the browser code and the reference server import this file,
 * and neither imports the other.
 */

export type PushPermission = 'default' | 'granted' | 'denied';

/** Why the form is offered instead of push; `requested` when the page called `open()`. */
export type ShowReason =
  'denied' | 'dismissed' | 'unsupported' | 'unavailable' | 'not-subscribed' | 'requested';

/** The JSON body the element POSTs to its `endpoint`. */
export interface RegistrationRequest {
  /** E.164, e.g. `+447400123456`. */
  phone: string;
  /** ISO 3166-1 alpha-2 country of the number as parsed. */
  country: string;
  /** Tags for the backend to write with the SMS subscription, e.g. `{ subscribed_to_push: 'false' }`. */
  tags: Record<string, string>;
  onesignalId: string | null;
  externalId: string | null;
  push: { supported: boolean; permission: PushPermission; reason: ShowReason };
  consent: {
    /** The exact disclosure the visitor saw and agreed to. */
    text: string;
    /** ISO 8601 time of the agreement. */
    acceptedAt: string;
    pageUrl: string;
    locale: string;
    /** The element's version, so the disclosure shown can be traced to a release. */
    elementVersion?: string;
    /** Which text was shown: the locale's built-in disclosure (`en`, `de`…) or the site's own. */
    textId?: string;
  };
  /** UUID v4, equal to the `Idempotency-Key` header. */
  idempotencyKey: string;
}

/** An RFC 9457 `application/problem+json` body, as the reference server answers errors. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** The request field the problem is about, e.g. `phone`. */
  field?: string;
}
