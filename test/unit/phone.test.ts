import { describe, expect, test } from 'vitest';
import { normalizePhone } from '../../src/form/phone.js';

describe('normalizePhone', () => {
  test.each([
    ['(415) 555-2671', 'US', '+14155552671', 'US'],
    ['415.555.2671', 'US', '+14155552671', 'US'],
    ['+1 415 555 2671', 'GB', '+14155552671', 'US'],
    ['07400 123456', 'GB', '+447400123456', 'GB'],
    ['0044 7400 123456', 'US', '+447400123456', 'GB'],
    ['011 44 7400 123456', 'US', '+447400123456', 'GB'],
    // Autofill pastes the dial code into the field after the country was chosen.
    ['447400123456', 'GB', '+447400123456', 'GB'],
    ['49 151 23456789', 'DE', '+4915123456789', 'DE'],
    ['+33 6 12 34 56 78', 'US', '+33612345678', 'FR'],
  ])('%s with %s selected is %s', (input, selected, e164, country) => {
    expect(normalizePhone(input, selected)).toEqual({ ok: true, e164, country });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call me', 'invalid'],
    ['415', 'too-short'],
    ['4155552671999', 'too-long'],
    ['+18005551234', 'not-mobile'],
    ['+44 20 7183 8750', 'not-mobile'],
  ])('%j is refused as %s', (input, problem) => {
    expect(normalizePhone(input, 'US')).toEqual({ ok: false, problem });
  });

  test('a number outside the allow-list is refused even when valid', () => {
    expect(normalizePhone('+447400123456', 'US', ['US', 'CA'])).toEqual({
      ok: false,
      problem: 'country-not-allowed',
    });
    expect(normalizePhone('(415) 555-2671', 'US', ['US', 'CA'])).toMatchObject({ ok: true });
  });
});
