// The example apps in examples/, as `node scripts/examples.mjs` built them with each framework's
// own compiler (React 18 with the wrapper, Vue, Svelte, Angular): each is loaded in an iframe, where
// the element must render its form and its events must reach the app's own state.
import { expect } from '@open-wc/testing';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import { until } from '../support/onesignal-page.js';
import { BLOCKED_SDK, formReady, received } from '../support/element.js';

const EXAMPLES = ['react', 'vue', 'svelte', 'angular'] as const;

const frames: HTMLIFrameElement[] = [];

async function open(name: string): Promise<Document> {
  const index = `/examples/${name}/dist/index.html`;
  const response = await fetch(index);
  if (!response.ok) {
    throw new Error(`${index} is missing: build the examples first (node scripts/examples.mjs)`);
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  frame.src = index;
  document.body.append(frame);
  frames.push(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

/** Types a number into the element's form, ticks consent and submits, like a visitor. */
async function register(el: PushSmsFallback, phone: string): Promise<void> {
  const root = el.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('input[type=tel]')!;
  input.value = phone;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const consent = root.querySelector<HTMLInputElement>('input[type=checkbox]');
  if (consent && !consent.checked) consent.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

describe('framework examples', () => {
  // The element remembers a registration per origin: every app starts as a new visitor.
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    localStorage.clear();
  });

  for (const name of EXAMPLES) {
    it(`${name}: renders the form and the app receives the show and success events`, async () => {
      const doc = await open(name);
      const app = await until(() => doc.querySelector<HTMLElement>('#example'), `${name} app`);
      expect(app.dataset['framework']).to.equal(name);

      const el = await until(
        () => doc.querySelector<PushSmsFallback>('push-sms-fallback'),
        `<push-sms-fallback> in the ${name} app`,
      );
      // The app's own state, written to the page by the framework from the show event.
      await until(
        () => app.dataset['lastEvent'] === 'push-sms-fallback-show',
        `the ${name} app to see push-sms-fallback-show (has "${app.dataset['lastEvent']}")`,
        8000,
      );
      expect(app.dataset['showReason']).to.equal(BLOCKED_SDK.reason);
      expect(el.getAttribute('state')).to.equal('form');
      const input = await formReady(el);
      expect(input.autocomplete).to.equal('tel');
      expect(el.shadowRoot!.textContent).to.contain('Example Coffee');

      // A number registered in the element reaches the app with the success event's detail.
      const phone = name === 'react' ? '+1 416 555 0123' : '+1 202 555 0123';
      const e164 = phone.replace(/ /g, '');
      await register(el, phone);
      await until(
        () => app.dataset['lastEvent'] === 'push-sms-fallback-success',
        `the ${name} app to see push-sms-fallback-success`,
      );
      expect(app.querySelector('h1')!.textContent).to.contain(`${e164} registered`);
      const requests = await received(`example-${name}`);
      expect(requests.map((r) => r.body.phone)).to.include(e164);
    });
  }
});
