import type { PushPermission, RegistrationRequest, ShowReason } from '../../wire/contract.js';
import { VERSION } from '../version.js';

export interface RequestInput {
  phone: string;
  country: string;
  tagKey: string;
  onesignalId: string | null;
  externalId: string | null;
  supported: boolean;
  permission: PushPermission;
  reason: ShowReason;
  consentText: string;
  /** `site` when the site replaced the disclosure (strings or slot), else the built-in's locale. */
  textId: string;
  locale: string;
  pageUrl: string;
  acceptedAt: Date;
  idempotencyKey: string;
}

/** The body of contract section 2. The visitor has no push when this is sent, so the tag is "false". */
export const buildRequest = (input: RequestInput): RegistrationRequest => ({
  phone: input.phone,
  country: input.country,
  tags: { [input.tagKey]: 'false' },
  onesignalId: input.onesignalId,
  externalId: input.externalId,
  push: { supported: input.supported, permission: input.permission, reason: input.reason },
  consent: {
    text: input.consentText,
    acceptedAt: input.acceptedAt.toISOString(),
    pageUrl: input.pageUrl,
    locale: input.locale,
    elementVersion: VERSION,
    textId: input.textId,
  },
  idempotencyKey: input.idempotencyKey,
});

/** A UUID v4. `crypto.randomUUID` exists only in secure contexts, and the form also runs on http pages. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}
