// A complete consent record, as the handler would build it, for store tests.
import type { ConsentRecord } from '../../src/server/index.js';
import { hmacSha256Hex } from '../../src/server/crypto.js';

export const SECRET = 'test-alias-secret-0123456789';
export const alias = hmacSha256Hex(SECRET);

export async function consentRecord(
  phone: string,
  createdAt: string,
  overrides: Partial<ConsentRecord> = {},
): Promise<ConsentRecord> {
  return {
    version: 2,
    id: crypto.randomUUID(),
    createdAt,
    acceptedAt: createdAt,
    phone,
    phoneAlias: await alias(phone),
    phoneCountry: 'GB',
    lineType: 'MOBILE',
    consentText: 'Text me order alerts. Reply STOP to cancel.',
    consentTextSha256: 'a'.repeat(64),
    elementVersion: '0.1.0',
    textId: 'en',
    locale: 'en-GB',
    pageUrl: 'https://shop.example/checkout',
    origin: 'https://shop.example',
    referrer: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (test)',
    pushPermission: 'denied',
    pushReason: 'denied',
    externalId: null,
    reportedOnesignalId: null,
    idempotencyKey: crypto.randomUUID(),
    onesignalAppId: '00000000-0000-4000-8000-000000000000',
    doubleOptIn: false,
    ...overrides,
  };
}
