import { join } from 'node:path';
import { createSmsFallbackHandler } from 'push-sms-fallback/server';
import { createJsonLinesConsentStore } from 'push-sms-fallback/server/node';

// Made at import, with or without the secrets: `next build` imports this module without them,
// and a handler missing one answers 500 `/server-misconfigured` and logs once what is missing.
const handler = createSmsFallbackHandler({
  appId: process.env.ONESIGNAL_APP_ID ?? '',
  apiKey: process.env.ONESIGNAL_API_KEY ?? '', // never reaches the browser
  allowedOrigins: (process.env.PSF_ALLOWED_ORIGINS ?? '').split(','),
  // Consent records (your evidence) in a file that outlives restarts: one `next start` per file.
  consentStore: createJsonLinesConsentStore(
    join(process.env.PSF_DATA_DIR ?? 'push-sms-fallback-data', 'consent.jsonl'),
  ),
  apiBaseUrl: process.env.ONESIGNAL_API_URL, // unset: OneSignal's own
});

export const POST = handler;
