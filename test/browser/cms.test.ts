// Pages the way CMSs and themes build them, loaded in an iframe from test/fixtures/ with the built
// script-tag files from dist/: a WordPress page whose OneSignal plugin already initialises the SDK,
// our script loaded twice or in two versions, the classic-script build, and a strict
// Content-Security-Policy.
import { expect } from '@open-wc/testing';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import type { SimWindow } from '../../demo/simulators/onesignal-page-sdk.types.js';
import { sleep, until } from '../support/onesignal-page.js';
import { formReady, received } from '../support/element.js';

interface Probe {
  errors: string[];
  warnings: string[];
  violations: string[];
}
type FixtureWindow = SimWindow & {
  probe: Probe;
  pushSmsFallbackVersions?: string[];
  customElements: CustomElementRegistry;
};

const frames: HTMLIFrameElement[] = [];

/** Opens a fixture page in an iframe and returns its window once loaded. */
async function open(path: string): Promise<FixtureWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  frame.src = path;
  document.body.append(frame);
  frames.push(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as unknown as FixtureWindow;
}

const element = (win: FixtureWindow) =>
  until(
    () => win.document.querySelector<PushSmsFallback>('push-sms-fallback[state]'),
    'an upgraded <push-sms-fallback>',
  );

const stateOf = (el: PushSmsFallback, state: string, timeoutMs?: number) =>
  until(() => el.getAttribute('state') === state, `state ${state} (is ${el.state})`, timeoutMs);

async function register(el: PushSmsFallback, phone: string): Promise<void> {
  const input = await formReady(el);
  input.value = phone;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

describe('CMS and script-tag pages', () => {
  before(async () => {
    const built = await fetch('/dist/push-sms-fallback.classic.js');
    if (!built.ok) throw new Error('dist/ is missing: run `npm run build` first');
  });
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    localStorage.clear();
  });

  describe('WordPress with the official OneSignal plugin (v3) [needs push]', () => {
    it('reuses the plugin’s OneSignal: one init, and the tag is written for a subscribed visitor', async () => {
      const win = await open('/test/fixtures/wordpress-v3.html?subscribed=1&reset=1');
      const el = await element(win);
      await stateOf(el, 'push');
      const sim = await until(() => win.OneSignalSimulator, 'the OneSignal simulator');
      await until(() => sim.calls.addTag.length, 'the tag write');
      // Give a second init, or a second tag write, the time to happen if it were going to.
      await sleep(300);
      expect(sim.calls.init).to.equal(1);
      expect(sim.calls.addTag).to.deep.equal([['subscribed_to_push', 'true']]);
      expect(sim.calls.sentTagWrites.map((w) => w.tags)).to.deep.equal([
        { subscribed_to_push: 'true' },
      ]);
      expect(win.document.querySelectorAll('script[src*="onesignal"]')).to.have.length(1);
      expect(win.probe.errors).to.deep.equal([]);
    });

    it('shows the form to a visitor who blocked push, still with the plugin’s only init', async () => {
      const win = await open('/test/fixtures/wordpress-v3.html?permission=denied&reset=1');
      const el = await element(win);
      await stateOf(el, 'form');
      await formReady(el);
      expect(win.OneSignalSimulator!.calls.init).to.equal(1);
      expect(win.OneSignalSimulator!.calls.addTag).to.deep.equal([]);
      expect(win.probe.errors).to.deep.equal([]);
    });
  });

  describe('our script loaded more than once', () => {
    it('two copies of the same version: no error, one registration, a warning', async () => {
      const win = await open(
        '/test/fixtures/load-scripts.html?load=/__copies/theme/push-sms-fallback.js,/__copies/plugin/push-sms-fallback.js',
      );
      const el = await element(win);
      await stateOf(el, 'form');
      await formReady(el);
      await until(() => win.pushSmsFallbackVersions?.length === 2, 'both copies to run');
      expect(win.probe.errors).to.deep.equal([]);
      expect(win.probe.warnings).to.deep.equal([
        '<push-sms-fallback>: loaded more than once (versions 0.1.0, 0.1.0); using the first.',
      ]);
    });

    it('two versions: the first keeps the tag, the warning names both versions', async () => {
      const win = await open(
        '/test/fixtures/load-scripts.html?load=/dist/push-sms-fallback.js,/__copies/v0.0.9/push-sms-fallback.js',
      );
      const el = await element(win);
      await until(() => win.pushSmsFallbackVersions?.length === 2, 'both copies to run');
      expect(win.pushSmsFallbackVersions).to.deep.equal(['0.1.0', '0.0.9']);
      expect(win.probe.warnings).to.deep.equal([
        '<push-sms-fallback>: loaded more than once (versions 0.1.0, 0.0.9); using the first.',
      ]);
      expect(win.customElements.get('push-sms-fallback')).to.equal(el.constructor);
      await stateOf(el, 'form');
      await register(el, '+1 202 555 0147');
      await stateOf(el, 'done');
      expect((await received('load-scripts')).map((r) => r.body.phone)).to.include('+12025550147');
      expect(win.probe.errors).to.deep.equal([]);
    });

    it('the classic build and the module build on one page share one copy, without a warning', async () => {
      const win = await open(
        '/test/fixtures/load-scripts.html?load=/dist/push-sms-fallback.js,/dist/push-sms-fallback.classic.js',
      );
      const el = await element(win);
      await stateOf(el, 'form');
      await sleep(200); // the classic loader imports the module build asynchronously
      expect(win.pushSmsFallbackVersions).to.deep.equal(['0.1.0']);
      expect(win.probe.warnings).to.deep.equal([]);
      expect(win.probe.errors).to.deep.equal([]);
    });
  });

  it('the classic-script build (<script src defer>) registers the element and shows the form', async () => {
    const win = await open('/test/fixtures/classic.html');
    const el = await element(win);
    await stateOf(el, 'form');
    const input = await formReady(el);
    expect(input.autocomplete).to.equal('tel');
    expect(win.probe.errors).to.deep.equal([]);
  });

  it('runs under a strict Content-Security-Policy: no unsafe-inline, no unsafe-eval', async () => {
    const policy = (await fetch('/test/fixtures/csp-strict.html')).headers.get(
      'content-security-policy',
    );
    expect(policy).to.contain("script-src 'self'").and.contain("style-src 'self'");
    expect(policy).not.to.contain('unsafe');

    const win = await open('/test/fixtures/csp-strict.html');
    const el = await element(win);
    await stateOf(el, 'form');
    await formReady(el);
    // The form's styles apply (Lit adopts constructed style sheets, which style-src allows).
    const root = el.shadowRoot!.querySelector<HTMLElement>('[part=root]')!;
    expect(win.getComputedStyle(root).maxWidth).to.equal('576px');
    expect(win.getComputedStyle(el.shadowRoot!.querySelector('form')!).display).to.equal('flex');
    await register(el, '(202) 555-0148');
    await stateOf(el, 'done');
    expect((await received('csp-strict')).map((r) => r.body.phone)).to.include('+12025550148');
    expect(win.probe.violations).to.deep.equal([]);
    expect(win.probe.errors).to.deep.equal([]);
  });
});
