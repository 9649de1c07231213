import type { OptOutList } from './opt-outs.js';
import type { ExportRange } from './query.js';
import type { PushPermission, RegistrationRequest } from '../../wire/contract.js';
import { sha256Hex } from '../crypto.js';
import type { CheckedPhone } from '../registration/phone.js';
import { capped, EVIDENCE_CAPS } from '../registration/validate.js';

/**
 * The site's evidence that this person agreed to texts (reference: sms-consent.md §4.4).
 * It holds the full number on purpose: logs and responses are masked, the evidence is not.
 * Written before OneSignal is called, append-only.
 */
export interface ConsentRecord {
  /** Record format version, for readers of old append-only files (1 had no alias or text ids). */
  version: 2;
  id: string;
  /** Server time, ISO 8601 UTC. */
  createdAt: string;
  /** When the visitor ticked the box, as their browser reported it. */
  acceptedAt: string;
  phone: string;
  /** HMAC-SHA-256 of the number: the OneSignal alias, and the key stores look records up by. */
  phoneAlias: string;
  phoneCountry: string;
  lineType: CheckedPhone['lineType'];
  /** The exact disclosure shown, after localisation. */
  consentText: string;
  consentTextSha256: string;
  /** Which build of the element showed it, and which of its texts (null: an older element). */
  elementVersion: string | null;
  textId: string | null;
  locale: string;
  pageUrl: string;
  origin: string | null;
  referrer: string | null;
  ip: string | null;
  userAgent: string | null;
  pushPermission: PushPermission;
  pushReason: RegistrationRequest['push']['reason'];
  /** The site's own user id as resolved on the server (`resolveExternalId`), else null. */
  externalId: string | null;
  /** The OneSignal user id the page reported; unverified, kept for reference only. */
  reportedOnesignalId: string | null;
  idempotencyKey: string;
  onesignalAppId: string;
  doubleOptIn: boolean;
}

/** Why a recorded attempt was not registered: OneSignal reports the number as opted out. */
export type ConsentOutcome = 'opted-out';

/** A record as a store gives it back. */
export interface StoredConsentRecord extends Omit<ConsentRecord, 'phone'> {
  /** Null when the store keeps only the alias (the SQL store's default). */
  phone: string | null;
  /** Set when the attempt was refused after the record was written; null otherwise. */
  outcome: ConsentOutcome | null;
}

/** What stays after an erasure: enough to show that records existed and were erased on request. */
export interface ConsentErasure {
  /** Null when no record of the number was held (nothing to take an alias from). */
  phoneAlias: string | null;
  erasedAt: string;
  count: number;
}

/**
 * What the handler needs: `append` resolves only once the record is durable; `recordOutcome`
 * notes, append-only as well, that a recorded attempt was refused (stores without it lose
 * only that note).
 */
export interface ConsentWriter extends Partial<OptOutList> {
  append(record: ConsentRecord): Promise<void>;
  recordOutcome?(recordId: string, outcome: ConsentOutcome): Promise<void>;
  /**
   * Deletes one record that was written after its request had been refused (the store missed
   * its deadline and the visitor got a 503): refused means nothing kept.
   */
  withdraw?(recordId: string): Promise<void>;
  /**
   * For a store that finds records by the number's HMAC: whether `secret` is the one it was
   * given. The handler asks once, when it is made, so a mismatch fails at start, not per request.
   */
  usesAliasSecret?(secret: string): boolean;
}

/** Every store this package ships: memory, JSON Lines and SQL. */
export interface ConsentStore extends Omit<ConsentWriter, keyof OptOutList>, OptOutList {
  recordOutcome(recordId: string, outcome: ConsentOutcome): Promise<void>;
  /** Every record of that number, newest first: "show me when and how +1 555… agreed". */
  findConsent(phone: string): Promise<StoredConsentRecord[]>;
  /** Records in `[since, until)`, oldest first, streamed. */
  exportConsent(range?: ExportRange): AsyncIterable<StoredConsentRecord>;
  /** Erases every record of that number (GDPR Art. 17), keeps a tombstone; returns the count. */
  eraseConsent(phone: string): Promise<number>;
  /** The tombstones, oldest first. */
  listErasures(): Promise<ConsentErasure[]>;
  /** Erases records older than `retentionDays`; returns the count. */
  purgeExpired(): Promise<number>;
}

export interface ConsentContext {
  request: Request;
  body: RegistrationRequest;
  phone: CheckedPhone;
  phoneAlias: string;
  ip: string | null;
  externalId: string | null;
  appId: string;
  doubleOptIn: boolean;
  now: Date;
}

/** Sites show a handful of disclosure texts to everyone: hash each once. */
const textHashes = new Map<string, Promise<string>>();
const MAX_CACHED_TEXTS = 64;

function hashText(text: string): Promise<string> {
  let hash = textHashes.get(text);
  if (!hash) {
    if (textHashes.size >= MAX_CACHED_TEXTS) textHashes.clear();
    hash = sha256Hex(text);
    textHashes.set(text, hash);
  }
  return hash;
}

export async function buildConsentRecord(ctx: ConsentContext): Promise<ConsentRecord> {
  const { body, request } = ctx;
  return {
    version: 2,
    id: crypto.randomUUID(),
    createdAt: ctx.now.toISOString(),
    acceptedAt: body.consent.acceptedAt,
    phone: ctx.phone.e164,
    phoneAlias: ctx.phoneAlias,
    phoneCountry: ctx.phone.country,
    lineType: ctx.phone.lineType,
    consentText: body.consent.text,
    consentTextSha256: await hashText(body.consent.text),
    elementVersion: body.consent.elementVersion ?? null,
    textId: body.consent.textId ?? null,
    locale: body.consent.locale,
    pageUrl: body.consent.pageUrl,
    origin: capped(request.headers.get('origin'), EVIDENCE_CAPS.origin),
    referrer: capped(request.headers.get('referer'), EVIDENCE_CAPS.referrer),
    ip: ctx.ip,
    userAgent: capped(request.headers.get('user-agent'), EVIDENCE_CAPS.userAgent),
    pushPermission: body.push.permission,
    pushReason: body.push.reason,
    externalId: ctx.externalId,
    reportedOnesignalId: body.onesignalId,
    idempotencyKey: body.idempotencyKey,
    onesignalAppId: ctx.appId,
    doubleOptIn: ctx.doubleOptIn,
  };
}
