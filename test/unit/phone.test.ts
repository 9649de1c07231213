import { spawnSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { normalizePhone, partOf, preparePhone } from '../../src/browser/form/phone.js';
import { CALLING_CODES, PARTS } from '../../src/browser/form/phone-metadata/index.js';

const check = async (input: string, country: string, allowed?: string[]) => {
  await preparePhone(input, country);
  return normalizePhone(input, country, allowed);
};

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
  ])('%s with %s selected is %s', async (input, selected, e164, country) => {
    expect(await check(input, selected)).toEqual({ ok: true, e164, country });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call me', 'invalid'],
    ['415', 'too-short'],
    ['4155552671999', 'too-long'],
    ['+18005551234', 'not-mobile'],
    ['+44 20 7183 8750', 'not-mobile'],
  ])('%j is refused as %s', async (input, problem) => {
    expect(await check(input, 'US')).toEqual({ ok: false, problem });
  });

  test('a number outside the allow-list is refused even when valid', async () => {
    expect(await check('+447400123456', 'US', ['US', 'CA'])).toEqual({
      ok: false,
      problem: 'country-not-allowed',
    });
    expect(await check('(415) 555-2671', 'US', ['US', 'CA'])).toMatchObject({ ok: true });
  });
});

describe('numbering plans load in parts', () => {
  test("an international number after the selected country's exit code loads its region", async () => {
    vi.resetModules();
    const fresh = await import('../../src/browser/form/phone.js');
    await fresh.preparePhone('011 44 7400 123456', 'US');
    expect(fresh.normalizePhone('011 44 7400 123456', 'US')).toEqual({
      ok: true,
      e164: '+447400123456',
      country: 'GB',
    });
  });

  test("every calling code's part has the plans of all its countries", async () => {
    for (const [code, countries] of Object.entries(CALLING_CODES)) {
      const { part } = await PARTS[partOf(code)]!();
      for (const country of countries) {
        if (country === '001') expect(part.nonGeographic, code).toHaveProperty(code);
        else expect(part.countries, `${code} ${country}`).toHaveProperty(country);
      }
    }
  });

  test('the generated parts match the installed libphonenumber-js metadata', () => {
    const run = spawnSync(process.execPath, ['scripts/phone-metadata.mjs', '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
