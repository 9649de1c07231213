// Server-side rendering: Next.js, Remix, Astro and others import the package (and the React entry)
// on the server. The built files must import there without a browser: no window, document,
// Notification or OneSignal at import time, and the React wrapper must render to HTML.
// Needs dist/ (`npm test` builds before vitest runs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as MainModule from '../../src/index.js';
import type * as ReactModule from '../../src/react.js';
import type * as ServerModule from '../../src/server/index.js';

// The types of the sources describe the built files, which are loaded at run time.
type Main = typeof MainModule;
type ReactEntry = typeof ReactModule;
type ServerEntry = typeof ServerModule;

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(dist(file)).href)) as T;

const browserGlobals = () => ({
  window: typeof (globalThis as { window?: unknown }).window,
  document: typeof (globalThis as { document?: unknown }).document,
  navigator: typeof (globalThis as { navigator?: { serviceWorker?: unknown } }).navigator
    ?.serviceWorker,
  Notification: typeof (globalThis as { Notification?: unknown }).Notification,
  localStorage: typeof (globalThis as { localStorage?: unknown }).localStorage,
  OneSignal: typeof (globalThis as { OneSignal?: unknown }).OneSignal,
  OneSignalDeferred: typeof (globalThis as { OneSignalDeferred?: unknown }).OneSignalDeferred,
});
const NO_BROWSER = {
  window: 'undefined',
  document: 'undefined',
  navigator: 'undefined',
  Notification: 'undefined',
  localStorage: 'undefined',
  OneSignal: 'undefined',
  OneSignalDeferred: 'undefined',
};

describe('importing the package on a server', () => {
  let main: Main;
  let react: ReactEntry;
  let server: ServerEntry;

  beforeAll(async () => {
    if (!existsSync(dist('index.js'))) throw new Error('dist/ is missing: run `npm run build`');
    expect(browserGlobals()).to.deep.equal(NO_BROWSER);
    main = await load<Main>('index.js');
    react = await load<ReactEntry>('react.js');
    server = await load<ServerEntry>('server/index.js');
  });

  it('defines no browser global: window, document, Notification, OneSignal', () => {
    expect(browserGlobals()).to.deep.equal(NO_BROWSER);
  });

  it('exports the element class, its events, the tag and the version', () => {
    expect(main.TAG).to.equal('push-sms-fallback');
    expect(main.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(main.PushSmsFallback).to.be.a('function');
    expect(main.defineElement).to.be.a('function');
    const show = new main.PushSmsFallbackShowEvent({ reason: 'denied' });
    expect(show.type).to.equal('push-sms-fallback-show');
    expect(show.detail).to.deep.equal({ reason: 'denied' });
    expect(show.cancelable).to.equal(true);
    expect(new main.PushSmsFallbackDismissEvent().bubbles).to.equal(true);
  });

  it('exports the React component, which renders the element to HTML', () => {
    expect(react.PushSmsFallbackElement).to.equal(main.PushSmsFallback);
    expect(react.TAG).to.equal('push-sms-fallback');
    const html = renderToString(
      createElement(react.PushSmsFallback, {
        appId: '00000000-0000-4000-8000-000000000000',
        endpoint: '/api/sms-subscribe',
        onSuccess: () => {},
        id: 'sms',
      }),
    );
    expect(html).to.match(/^<push-sms-fallback\b[^>]*\bid="sms"[^>]*><\/push-sms-fallback>$/);
    expect(browserGlobals()).to.deep.equal(NO_BROWSER);
  });

  it('defining the element again on the server is a no-op, not an error', () => {
    expect(() => main.defineElement()).not.to.throw();
    expect(browserGlobals()).to.deep.equal(NO_BROWSER);
  });

  it('exports the server handler alongside', () => {
    expect(server.createSmsFallbackHandler).to.be.a('function');
  });
});
