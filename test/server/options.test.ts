// Misconfiguration is reported when the handler is created, not at the first visitor.
import { describe, expect, it } from 'vitest';
import { createSmsFallbackHandler, type SmsFallbackOptions } from '../../src/server/index.js';
import { captureLogger } from './helpers.js';

const valid: SmsFallbackOptions = {
  appId: '00000000-0000-4000-8000-000000000000',
  apiKey: 'os_v2_app_test_key',
  allowedOrigins: ['https://shop.example'],
  logger: false,
};

describe('createSmsFallbackHandler options', () => {
  it('accepts the three options of the contract example', () => {
    expect(typeof createSmsFallbackHandler(valid)).toBe('function');
  });

  it.each([
    ['appId not a UUID', { appId: 'my-app' }, /appId must be your OneSignal App ID/],
    ['apiKey with its scheme', { apiKey: 'Key abc' }, /bare key/],
    [
      'a URL with a path as origin',
      { allowedOrigins: ['https://shop.example/page'] },
      /not an origin/,
    ],
    ['an unknown country', { countries: ['GB', 'XX'] }, /unknown country "XX"/],
    ['a restricted tag key', { tagKey: 'message' }, /tagKey/],
    ['external_id as alias label', { aliasLabel: 'external_id' }, /aliasLabel/],
    ['a short alias secret', { aliasSecret: 'short' }, /aliasSecret/],
    ['welcome with double opt-in', { doubleOptIn: true, welcomeMessage: 'hi' }, /doubleOptIn/],
    [
      'a bad rate rule',
      { rateLimit: { ip: { capacity: 0, intervalMs: 1000 } } },
      /rateLimit\.ip\.capacity/,
    ],
    ['a negative timeout', { timeoutMs: -1 }, /timeoutMs/],
    ['fractional retries', { maxRetries: 1.5 }, /maxRetries/],
    ['a bad apiBaseUrl', { apiBaseUrl: 'ftp://x' }, /apiBaseUrl/],
    ['a bad sender', { smsFrom: '0800 123' }, /smsFrom/],
  ])('throws a clear error for %s', (_name, change, message) => {
    expect(() => createSmsFallbackHandler({ ...valid, ...change } as SmsFallbackOptions)).toThrow(
      message,
    );
  });

  it('answers 500 /server-misconfigured for missing runtime values, logging them once', async () => {
    // What `next build` sees: route modules evaluated without the runtime secrets.
    const logger = captureLogger();
    const handler = createSmsFallbackHandler({
      appId: process.env.PSF_TEST_UNSET_APP_ID,
      apiKey: '',
      allowedOrigins: [],
      logger,
    } as unknown as SmsFallbackOptions);
    for (let i = 0; i < 2; i++) {
      const response = await handler(new Request('https://shop.example/api', { method: 'POST' }));
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(((await response.json()) as { type: string }).type).toMatch(
        /\/?server-misconfigured$/,
      );
    }
    expect(logger.lines).toHaveLength(1);
    expect(JSON.stringify(logger.lines[0]?.fields)).toMatch(/appId.*apiKey.*allowedOrigins/);
  });

  it('never puts the API key in an error message', () => {
    try {
      createSmsFallbackHandler({ ...valid, apiKey: 'Key secret-value-123' });
    } catch (error) {
      expect(String(error)).not.toContain('secret-value-123');
    }
    expect.assertions(1);
  });

  it('warns once that the default consent store is memory only', () => {
    const logger = captureLogger();
    createSmsFallbackHandler({ ...valid, logger });
    expect(logger.lines.filter((l) => l.message.includes('consentStore'))).toHaveLength(1);
  });
});
