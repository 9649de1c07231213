// Exports an auditor can open: JSON Lines that parse back, CSV that a spreadsheet cannot run.
import { describe, expect, it } from 'vitest';
import { createMemoryConsentStore, toCsv, toJsonLines } from '../../src/server/index.js';
import { consentRecord } from './consent-records.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('consent exports', () => {
  it('JSON Lines: one record per line, parsing back to what the store holds', async () => {
    const store = createMemoryConsentStore();
    const a = await consentRecord('+447400123456', '2026-11-01T00:00:00.000Z');
    const b = await consentRecord('+447400123457', '2026-11-02T00:00:00.000Z');
    await store.append(a);
    await store.append(b);
    const lines = (await text(toJsonLines(store.exportConsent()))).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { ...a, outcome: null },
      { ...b, outcome: null },
    ]);
  });

  it('CSV: a header, quoted cells, and formulas defused', async () => {
    const store = createMemoryConsentStore();
    await store.append(
      await consentRecord('+447400123456', '2026-11-01T00:00:00.000Z', {
        consentText: 'Texts, "alerts"\nand more',
        userAgent: '=HYPERLINK("http://evil.example")',
      }),
    );
    const [header, ...rest] = (await text(toCsv(store.exportConsent()))).split('\r\n');
    expect(header?.split(',')).toContain('consentText');
    const row = rest.join('\r\n');
    expect(row).toContain('"Texts, ""alerts""\nand more"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    // A leading + is a formula too; the apostrophe also keeps a spreadsheet from eating it.
    expect(row).toContain(",'+447400123456,");
  });
});
