/**
 * The benchmark's pages, built from their URL. No inline script anywhere: the probe, the
 * baseline and the sample model are files the bench server compiles from this folder.
 *
 *   /page/element?visitor=denied|subscriber&layout=inline|banner&reserve=1&reset=1
 *   /page/sdk-only?visitor=…&reset=1           the same SDK handshake without our element
 *   /page/sample?reset=1                       the model of OneSignal's published sample
 */

export type Visitor = 'denied' | 'subscriber';

export const SIMULATOR_PATH = '/sim/onesignal-page-sdk.js';

/**
 * The simulator's script URL. `initDelay=0`: the simulated SDK is ready as soon as its script
 * has run, so timings are the element's own path (a real SDK adds its config download).
 */
export function simulatorUrl(visitor: Visitor, reset: boolean): string {
  const query = new URLSearchParams(
    visitor === 'subscriber'
      ? { permission: 'granted', subscribed: '1', tags: 'subscribed_to_push:true' }
      : { permission: 'denied' },
  );
  if (reset) query.set('reset', '1');
  query.set('initDelay', '0');
  return `${SIMULATOR_PATH}?${query}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const CSS = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; }
  header, main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
  push-sms-fallback { max-width: 44rem; margin: 0 auto; }
  /* What the README asks of pages using reserve-space: hold the room before the script runs. */
  push-sms-fallback[reserve-space]:not(:defined) { display: block; min-height: 29rem; }
  h1 { margin: 0 0 .5rem; font-size: 1.75rem; }
  p { margin: 0 0 1rem; }
`;

const PARAGRAPH =
  'Fresh roasts every week, shipped the day they leave the roaster. Tell us how you brew and ' +
  'we will suggest a grind; reorder in one click from your account page.';

/** Content above and below the element, so a shift of what follows it is visible. */
function page(options: {
  until: 'form' | 'push' | 'sdk' | 'none';
  head: string;
  body: string;
  sdkSrc?: string;
}): string {
  const sdk = options.sdkSrc ? ` data-sdk-src="${escape(options.sdkSrc)}"` : '';
  return `<!doctype html>
<html lang="en" data-until="${options.until}"${sdk}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>push-sms-fallback benchmark</title>
<link rel="stylesheet" href="/bench/page.css">
${options.head}
</head>
<body>
<header><h1>Acme Coffee</h1><p>${PARAGRAPH}</p></header>
${options.body}
<main>${Array.from({ length: 12 }, (_, i) => `<p id="p${i}">${PARAGRAPH}</p>`).join('\n')}</main>
</body>
</html>`;
}

export function elementPage(query: URLSearchParams): string {
  const visitor: Visitor = query.get('visitor') === 'subscriber' ? 'subscriber' : 'denied';
  const attributes = [
    'app-id="bench-app"',
    'endpoint="/api/sms-subscribe"',
    'program-name="Acme Coffee"',
    'terms-url="/terms"',
    'privacy-url="/privacy"',
    `sdk-src="${escape(simulatorUrl(visitor, query.get('reset') === '1'))}"`,
    query.get('layout') === 'banner' ? 'layout="banner"' : '',
    query.get('reserve') === '1' ? 'reserve-space' : '',
  ].filter(Boolean);
  return page({
    until: visitor === 'subscriber' ? 'push' : 'form',
    head: [
      '<script type="module" src="/bench/probe.js"></script>',
      '<script type="module" async src="/dist/push-sms-fallback.js" data-measured></script>',
    ].join('\n'),
    body: `<push-sms-fallback ${attributes.join(' ')}></push-sms-fallback>`,
  });
}

export function sdkOnlyPage(query: URLSearchParams): string {
  const visitor: Visitor = query.get('visitor') === 'subscriber' ? 'subscriber' : 'denied';
  return page({
    until: 'sdk',
    sdkSrc: simulatorUrl(visitor, query.get('reset') === '1'),
    head: [
      '<script type="module" src="/bench/probe.js"></script>',
      '<script type="module" async src="/bench/sdk-only.js" data-measured></script>',
    ].join('\n'),
    body: '',
  });
}

/** The sample loads the SDK itself (next/head in the original), then runs its mount effect. */
export function samplePage(query: URLSearchParams): string {
  return page({
    until: 'none',
    head: [
      `<script src="${escape(simulatorUrl('denied', query.get('reset') === '1'))}" defer></script>`,
      '<script type="module" src="/bench/onesignal-sample.js"></script>',
    ].join('\n'),
    body: '',
  });
}

export const pageCss = () => CSS;
