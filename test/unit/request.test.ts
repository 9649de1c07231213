import { describe, expect, test } from 'vitest';
import { buildRequest, uuid } from '../../src/browser/submission/request.js';
import { format } from '../../src/browser/locales/strings.js';
import { VERSION } from '../../src/browser/version.js';

describe('buildRequest', () => {
  test('builds the body of contract section 2', () => {
    const body = buildRequest({
      phone: '+447400123456',
      country: 'GB',
      tagKey: 'subscribed_to_push',
      onesignalId: null,
      externalId: 'user-7',
      supported: true,
      permission: 'denied',
      reason: 'denied',
      consentText: 'By checking this box…',
      textId: 'en',
      locale: 'en-GB',
      pageUrl: 'https://shop.example/checkout',
      acceptedAt: new Date('2026-11-23T10:00:00Z'),
      idempotencyKey: '0b5c7f2e-5d7c-4a8e-9b8f-3c1d2e4f5a6b',
    });
    expect(body).toEqual({
      phone: '+447400123456',
      country: 'GB',
      tags: { subscribed_to_push: 'false' },
      onesignalId: null,
      externalId: 'user-7',
      push: { supported: true, permission: 'denied', reason: 'denied' },
      consent: {
        text: 'By checking this box…',
        acceptedAt: '2026-11-23T10:00:00.000Z',
        pageUrl: 'https://shop.example/checkout',
        locale: 'en-GB',
        elementVersion: VERSION,
        textId: 'en',
      },
      idempotencyKey: '0b5c7f2e-5d7c-4a8e-9b8f-3c1d2e4f5a6b',
    });
  });

  test('a custom tag key is what the backend is asked to write', () => {
    const body = buildRequest({
      ...({} as Parameters<typeof buildRequest>[0]),
      tagKey: 'push_ok',
      acceptedAt: new Date(0),
    });
    expect(body.tags).toEqual({ push_ok: 'false' });
  });
});

describe('uuid', () => {
  test('is a version 4 UUID, different each time', () => {
    const a = uuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).not.toBe(a);
  });

  test('works where crypto.randomUUID is missing (plain http pages)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('format', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    expect(format('We can only text numbers in {countries}.', { countries: 'Canada' })).toBe(
      'We can only text numbers in Canada.',
    );
    expect(format('Hi {nobody}', {})).toBe('Hi {nobody}');
  });
});
