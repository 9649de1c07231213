// What the form path loads and builds, and what it shares between instances: choices that keep a
// declined visitor's download and work small, which a later change could undo without a test
// failing anywhere else. The loading test comes first: the page's module cache and resource
// timeline are the file's own.
import { expect } from '@open-wc/testing';
import { until } from '../support/onesignal-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  stateIs,
} from '../support/element.js';
import { styles as formStyles } from '../../src/browser/form/styles.js';
import { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import type { CSSResult } from 'lit';

/** Paths of the resources the page fetched so far that match `pattern`. */
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => pattern.test(path));

const PLANS = /\/phone-metadata\/part-\d+\./;

describe('the form path', () => {
  // A registered number hides later forms on this page: each test starts unregistered.
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await cleanUp();
    localStorage.clear();
  });

  it("loads only the selected country's numbering plan and the page's language before the visitor types: no phone library, no English on a German page", async () => {
    const { url } = endpoint('201');
    const page = Object.assign(document.createElement('div'), { lang: 'de' });
    document.body.append(page);
    const { el } = mountForm({ endpoint: url, 'default-country': 'GB' }, page);
    await formReady(el);
    expect(fetched(PLANS).map((path) => path.replace(/.*\//, ''))).to.deep.equal(['part-44.ts']);
    expect(fetched(/libphonenumber-js/), 'libphonenumber-js on the form path').to.deep.equal([]);
    expect(fetched(/\/locales\/de\.(ts|js)$/)).to.have.length(1);
    expect(
      fetched(/\/locales\/(regions\/)?en\.(ts|js)$/),
      'English on a German page',
    ).to.deep.equal([]);
    // A number from another country brings its plan when it is typed, and no other.
    await fillAndSubmit(el, { phone: '+1 415 555 2671' });
    await until(() => fetched(PLANS).length === 2, 'the +1 plan');
    expect(fetched(PLANS).map((path) => path.replace(/.*\//, ''))).to.deep.equal([
      'part-44.ts',
      'part-1.ts',
    ]);
    await stateIs(el, 'done');
    page.remove();
  });

  it('builds the form without a template engine: the built form chunk brings no lit-html', async () => {
    const built = await fetch('/dist/push-sms-fallback.js');
    if (!built.ok) throw new Error('dist/ is missing: run `npm run build` first');
    // A page of its own, with only the built script: this file's modules load lit for its tests.
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/load-scripts.html?load=/dist/push-sms-fallback.js';
    document.body.append(frame);
    const win = frame.contentWindow as Window & Record<string, unknown>;
    const el = await until(
      () => win.document?.querySelector<PushSmsFallback>('push-sms-fallback[state=form]'),
      'the form',
    );
    await until(() => el.shadowRoot?.querySelector('#consent'), 'the whole form');
    // Each Lit package registers its version when it is evaluated: the element's base did, the
    // template engine did not.
    expect(win['reactiveElementVersions'], 'the element ran').to.have.length(1);
    expect(win['litHtmlVersions'], 'lit-html evaluated on the form path').to.equal(undefined);
    frame.remove();
  });

  it('gives every instance the same constructed style sheets: built once, adopted by each', async () => {
    const first = mountForm({ endpoint: endpoint('201').url, 'default-country': 'GB' }).el;
    const second = mountForm({ endpoint: endpoint('201').url, 'default-country': 'GB' }).el;
    await Promise.all([formReady(first), formReady(second)]);
    const a = first.shadowRoot!.adoptedStyleSheets;
    const b = second.shadowRoot!.adoptedStyleSheets;
    const own = [PushSmsFallback.styles as CSSResult, formStyles].map((s) => s.styleSheet);
    expect(a).to.have.length(2);
    expect(a[0]).to.equal(own[0]);
    expect(a[1]).to.equal(own[1]);
    expect(b[0]).to.equal(a[0]);
    expect(b[1]).to.equal(a[1]);
    expect(
      first.shadowRoot!.querySelectorAll('style'),
      'style elements in the shadow root',
    ).to.have.length(0);
  });
});
