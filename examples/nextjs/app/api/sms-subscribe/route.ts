import { createSmsFallbackHandler } from 'push-sms-fallback/server';

// The handler checks its options when it is created. Creating it on the first request, not at
// import, lets `next build` (which imports this module) run without the secrets.
let handler: ((request: Request) => Promise<Response>) | undefined;

export function POST(request: Request): Promise<Response> {
  handler ??= createSmsFallbackHandler({
    appId: process.env.ONESIGNAL_APP_ID ?? '',
    apiKey: process.env.ONESIGNAL_API_KEY ?? '', // never reaches the browser
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? 'http://localhost:3000').split(','),
  });
  return handler(request);
}
