// Safari 15 and iOS 15 lack APIs newer browsers have. Each test takes them away from the page
// (in every engine, WebKit included) and shows the visitor's number still reaches the backend.
import { expect } from '@open-wc/testing';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import { deliver } from '../../src/browser/submission/deliver.js';
import { until } from '../support/onesignal-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  mountForm,
  received,
  stateIs,
} from '../support/element.js';

/** Runs `fn` with `AbortSignal.timeout` gone (Safari and iOS before 16). */
async function withoutAbortSignalTimeout<T>(fn: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout');
  delete (AbortSignal as { timeout?: unknown }).timeout;
  try {
    return await fn();
  } finally {
    if (saved) Object.defineProperty(AbortSignal, 'timeout', saved);
  }
}

describe('Safari 15 and iOS 15', () => {
  afterEach(cleanUp);

  it('delivers the number where AbortSignal.timeout is missing', async () => {
    const { id, url } = endpoint('201');
    await withoutAbortSignalTimeout(async () => {
      const { el } = mountForm({ endpoint: url, 'default-country': 'US' });
      await fillAndSubmit(el, { phone: '(202) 555-0148' });
      await stateIs(el, 'done');
    });
    expect((await received(id)).map((r) => r.body.phone)).to.deep.equal(['+12025550148']);
  });

  it('still gives up on a backend that outlives the deadline, without AbortSignal.timeout', async () => {
    const { url } = endpoint('201:d3000');
    const submission = { endpoint: url, body: { idempotencyKey: crypto.randomUUID() } };
    const started = performance.now();
    const outcome = await withoutAbortSignalTimeout(() =>
      deliver(submission as Parameters<typeof deliver>[0], { attempts: 1, timeoutMs: 200 }),
    );
    expect(outcome).to.deep.equal({ kind: 'unreachable', code: 'timeout' });
    expect(performance.now() - started).to.be.below(3000);
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Safari15Window = Window &
  typeof globalThis & { probe: { errors: string[] }; scheduler?: unknown };

async function openSafari15Page(): Promise<Safari15Window> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  frame.src = '/test/fixtures/safari-15.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Safari15Window;
}

describe('a page without the APIs Safari 15 and iOS 15 lack (script-tag build)', () => {
  before(async () => {
    const built = await fetch('/dist/push-sms-fallback.js');
    if (!built.ok) throw new Error('dist/ is missing: run `npm run build` first');
  });
  // The frame shares this origin's localStorage, which Firefox and WebKit keep across test files:
  // what its element remembered (a registered number) would hide the next file's forms.
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    localStorage.clear();
  });

  it('goes from the form through a refused number to done', async () => {
    const win = await openSafari15Page();
    expect(
      [
        typeof win.AbortSignal.timeout,
        typeof win.scheduler,
        typeof win.crypto.randomUUID,
        typeof win.Intl.ListFormat,
        typeof win.Intl.Locale,
        typeof win.HTMLElement.prototype.attachInternals,
        typeof win.PushSubscriptionOptions,
        typeof win.Notification,
      ],
      'APIs the fixture takes away',
    ).to.deep.equal(Array(8).fill('undefined'));
    const el = await until(
      () => win.document.querySelector<PushSmsFallback>('push-sms-fallback[state=form]'),
      'the form',
    );
    const { id, url } = endpoint('201');
    el.setAttribute('endpoint', url);
    const select = await until(() => el.shadowRoot!.querySelector('select'), 'the country list');
    // Intl.Locale's fallback: the page's en-GB picks the country.
    expect(select.value).to.equal('GB');

    await fillAndSubmit(el, { phone: '+1 202 555 0148' });
    // Intl.ListFormat's fallback names both allowed countries.
    const refusal = await until(
      () => el.shadowRoot!.querySelector('#phone-error')?.textContent?.trim(),
      'the refusal',
    );
    expect(refusal).to.contain('United Kingdom').and.contain('Ireland');

    await fillAndSubmit(el, { phone: '07400 123456' });
    await stateIs(el, 'done');
    const [request, ...more] = await received(id);
    expect(more).to.have.length(0);
    expect(request!.body.phone).to.equal('+447400123456');
    expect(request!.body.idempotencyKey).to.match(UUID);
    expect(request!.body.push).to.deep.equal({
      supported: false,
      permission: 'default',
      reason: 'unsupported',
    });
    expect(win.probe.errors).to.deep.equal([]);
  });
});
