/**
 * The benchmark's pages, built from their URL. No inline script anywhere: the probe, the
 * baseline and the sample model are files the bench server compiles from this folder.
 *
 *   /page/element?visitor=denied|subscriber&layout=inline|banner&reserve=1&reset=1&timing=instant|network&hold=1&init=element
 *   /page/sdk-only?visitor=…&reset=1           the same SDK handshake without our element
 *   /page/sample?reset=1                       the model of OneSignal's published sample
 *
 * The element's pages set OneSignal up with its standard snippet (a site or a CMS plugin did),
 * which the element reuses; `init=element` leaves the snippet out, so the element loads the SDK
 * and calls `init` itself from its `app-id`, after its grace for a late page snippet.
 */

import { strings as en } from '../../../src/browser/locales/en.js';
import { BENCH_APP_ID, INIT_HOLD_MS, SDK_TIMING, SIMULATOR_PATH } from './sdk-timing.js';

type Visitor = 'denied' | 'subscriber';

/**
 * The simulator's script URL. By default the simulated SDK takes the real one's time on the
 * phone's network (bench/browser/pages/sdk-timing.ts): `latency` is read by the bench server, which holds
 * the script that long, `initDelay` by the simulator. `timing=instant` (counting writes, not
 * timing them) answers at once; `timing=network` keeps only the config's delay, which happens
 * inside the simulator where a network model cannot see it.
 */
function simulatorUrl(visitor: Visitor, query: URLSearchParams): string {
  const sdk = new URLSearchParams(
    visitor === 'subscriber'
      ? { permission: 'granted', subscribed: '1', tags: 'subscribed_to_push:true' }
      : { permission: 'denied' },
  );
  if (query.get('reset') === '1') sdk.set('reset', '1');
  const timing = query.get('timing');
  sdk.set('initDelay', String(timing === 'instant' ? 0 : SDK_TIMING.configMs));
  // `network`: a tool that models the network itself (Lighthouse) times the script's download.
  if (timing !== 'instant' && timing !== 'network') sdk.set('latency', String(SDK_TIMING.scriptMs));
  if (query.get('hold') === '1') sdk.set('initHold', String(INIT_HOLD_MS));
  return `${SIMULATOR_PATH}?${sdk}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const CSS = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; }
  header, main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
  push-sms-fallback { max-width: 44rem; margin: 0 auto; }
  form.sms { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
  /* The intl-tel-input page styles its controls as a site would, to our element's sizes. */
  form.sms label[for=phone] { display: block; }
  form.sms input[type=tel], form.sms button { font: inherit; min-height: 2.75rem; }
  form.sms input[type=checkbox] { width: 1.5rem; height: 1.5rem; vertical-align: top; }
  /* What the README asks of pages using reserve-space: hold the room before the script runs. */
  push-sms-fallback[reserve-space]:not(:defined) { display: block; min-height: max(30rem, calc(57rem - 80vw)); }
  h1 { margin: 0 0 .5rem; font-size: 1.75rem; }
  p { margin: 0 0 1rem; }
`;

const PARAGRAPH =
  'Fresh roasts every week, shipped the day they leave the roaster. Tell us how you brew and ' +
  'we will suggest a grind; reorder in one click from your account page.';

/**
 * OneSignal's standard v16 snippet: the SDK as a `defer` script and the page's `init` queued
 * before it runs (bench/browser/pages/onesignal-snippet.ts). `measured` marks the snippet as the
 * page's measured script (the baseline's; the probe times from its arrival).
 */
function snippet(sdkSrc: string, measured = false): string {
  return [
    `<script src="${escape(sdkSrc)}" defer></script>`,
    `<script src="/bench/onesignal-snippet.js"${measured ? ' data-measured' : ''}></script>`,
  ].join('\n');
}

/** Content above and below the element, so a shift of what follows it is visible. */
function page(options: { until: 'form' | 'push' | 'sdk' | 'none'; head: string; body: string }) {
  return `<!doctype html>
<html lang="en" data-until="${options.until}">
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
  const sdkSrc = simulatorUrl(visitor, query);
  const attributes = [
    `app-id="${BENCH_APP_ID}"`,
    'endpoint="/api/sms-subscribe"',
    'program-name="Acme Coffee"',
    'terms-url="/terms"',
    'privacy-url="/privacy"',
    `sdk-src="${escape(sdkSrc)}"`,
    query.get('layout') === 'banner' ? 'layout="banner"' : '',
    query.get('reserve') === '1' ? 'reserve-space' : '',
  ].filter(Boolean);
  return page({
    until: visitor === 'subscriber' ? 'push' : 'form',
    head: [
      probe(query),
      query.get('init') === 'element' ? '' : snippet(sdkSrc),
      '<script type="module" async src="/dist/push-sms-fallback.js" data-measured></script>',
    ]
      .filter(Boolean)
      .join('\n'),
    body: `<push-sms-fallback ${attributes.join(' ')}></push-sms-fallback>`,
  });
}

export function sdkOnlyPage(query: URLSearchParams): string {
  const visitor: Visitor = query.get('visitor') === 'subscriber' ? 'subscriber' : 'denied';
  return page({
    until: 'sdk',
    head: [probe(query), snippet(simulatorUrl(visitor, query), true)].join('\n'),
    body: '',
  });
}

/** The consent sentence our element shows with a checkbox, in English, with the same links. */
function consentHtml(): string {
  const links: Record<string, string> = {
    action: en.consentByCheckbox,
    program: 'Acme Coffee',
    frequency: en.frequency,
    terms: `<a href="/terms">${en.terms}</a>`,
    privacy: `<a href="/privacy">${en.privacy}</a>`,
  };
  return escape(en.consent).replace(/\{(\w+)\}/g, (_, key: string) => links[key] ?? '');
}

/**
 * The same job done with intl-tel-input + utils (the package the size comparison weighs): the
 * page loads the same SDK with the standard snippet, and has a phone field with a country
 * selector, our English texts and consent sentence, and a submit button. The form is in the HTML
 * from the start (the page does not ask whether push is on), which spares it any layout shift.
 */
export function intlTelInputPage(query: URLSearchParams): string {
  return page({
    until: 'none',
    head: [
      '<link rel="stylesheet" href="/bench/iti/css/intlTelInput.css">',
      snippet(simulatorUrl('denied', query)),
      '<script type="module" async src="/bench/intl-tel-input.js"></script>',
    ].join('\n'),
    body: `<form class="sms" action="/api/sms-subscribe" method="post" novalidate>
<h2>${escape(en.heading)}</h2>
<p>${escape(en.introDenied)}</p>
<label for="phone">${escape(en.phone)}</label>
<input id="phone" name="phone" type="tel" autocomplete="tel" aria-describedby="phone-hint" required>
<p id="phone-hint">${escape(en.phoneHint)}</p>
<p><input id="consent" name="consent" type="checkbox" required> <label for="consent">${consentHtml()}</label></p>
<button type="submit">${escape(en.submit)}</button>
</form>`,
  });
}

/** The page without any script: what every other page adds to. */
export function barePage(): string {
  return page({ until: 'none', head: '', body: '' });
}

/** The in-page probe; `probe=0` (Lighthouse's pages) leaves it out. */
const probe = (query: URLSearchParams) =>
  query.get('probe') === '0' ? '' : '<script type="module" src="/bench/probe.js"></script>';

/** The sample loads the SDK itself (next/head in the original), then runs its mount effect. */
export function samplePage(query: URLSearchParams): string {
  return page({
    until: 'none',
    head: [
      `<script src="${escape(simulatorUrl('denied', query))}" defer></script>`,
      '<script type="module" src="/bench/onesignal-sample.js"></script>',
    ].join('\n'),
    body: '',
  });
}

export const pageCss = () => CSS;
