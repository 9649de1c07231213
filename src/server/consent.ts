import type { PushPermission, RegistrationRequest } from '../contract.js';
import { sha256Hex } from './crypto.js';
import type { CheckedPhone } from './phone.js';
import { capped, EVIDENCE_CAPS } from './validate.js';

/**
 * The site's evidence that this person agreed to texts (reference: sms-consent.md §4.4).
 * It holds the full number on purpose: logs and responses are masked, the evidence is not.
 * Written before OneSignal is called, append-only.
 */
export interface ConsentRecord {
  /** Record format version, for readers of old append-only files. */
  version: 1;
  id: string;
  /** Server time, ISO 8601 UTC. */
  createdAt: string;
  /** When the visitor ticked the box, as their browser reported it. */
  acceptedAt: string;
  phone: string;
  phoneCountry: string;
  lineType: CheckedPhone['lineType'];
  /** The exact disclosure shown, after localisation. */
  consentText: string;
  consentTextSha256: string;
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

/** Where consent records go. `append` must only resolve once the record is durable. */
export interface ConsentStore {
  append(record: ConsentRecord): Promise<void>;
}

export interface MemoryConsentStore extends ConsentStore {
  readonly records: readonly ConsentRecord[];
}

/** Keeps records in an array: for tests, demos and as a template for your own store. */
export function createMemoryConsentStore(): MemoryConsentStore {
  const records: ConsentRecord[] = [];
  return {
    records,
    async append(record) {
      records.push(structuredClone(record));
    },
  };
}

export interface ConsentContext {
  request: Request;
  body: RegistrationRequest;
  phone: CheckedPhone;
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
    version: 1,
    id: crypto.randomUUID(),
    createdAt: ctx.now.toISOString(),
    acceptedAt: body.consent.acceptedAt,
    phone: ctx.phone.e164,
    phoneCountry: ctx.phone.country,
    lineType: ctx.phone.lineType,
    consentText: body.consent.text,
    consentTextSha256: await hashText(body.consent.text),
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
