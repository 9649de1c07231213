// Keyboard use, focus, target sizes and narrow screens, as a visitor without a mouse meets them.
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { until } from '../support/onesignal-page.js';
import { has } from '../support/needs.js';
import {
  cleanUp,
  endpoint,
  expandBanner,
  formReady,
  mountForm,
  received,
  shadow,
  stateIs,
} from '../support/element.js';

const visitor = (url: string, attributes: Record<string, string> = {}) =>
  mountForm({ endpoint: url, 'default-country': 'US', ...attributes });

/** What has focus, looking through the element's shadow root. */
function focused(): string {
  const active = document.activeElement;
  const inner = active?.shadowRoot?.activeElement ?? active;
  return inner?.getAttribute('part') || inner?.id || inner?.tagName.toLowerCase() || '';
}

describe('keyboard, focus and layout', () => {
  afterEach(async () => {
    if (has('viewport emulation')) await setViewport({ width: 800, height: 600 });
    await cleanUp();
  });

  it('Tab walks country, phone, consent, its links, submit and dismiss in order', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const { el } = visitor('/mock/unused');
    await formReady(el);
    before.focus();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focused());
    }
    before.remove();
    expect(order).to.deep.equal(['country', 'input', 'consent', 'a', 'a', 'submit', 'dismiss']);
  });

  it('Enter in the phone field submits, and focus moves to the success message', async () => {
    const { id, url } = endpoint('201');
    const { el } = visitor(url);
    const input = await formReady(el);
    shadow<HTMLInputElement>(el, '#consent')!.click();
    input.focus();
    await sendKeys({ type: '(415) 555-2671' });
    await sendKeys({ press: 'Enter' });
    await stateIs(el, 'done');
    expect((await received(id))[0]!.body.phone).to.equal('+14155552671');
    await until(() => focused() === 'status', 'focus on the status message');
  });

  it('Escape closes the banner', async () => {
    const { el } = visitor('/mock/unused', { layout: 'banner' });
    const input = await expandBanner(el);
    input.focus();
    await sendKeys({ press: 'Escape' });
    await stateIs(el, 'dismissed');
  });

  it('Escape leaves an inline form alone', async () => {
    const { el } = visitor('/mock/unused');
    const input = await formReady(el);
    input.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.state).to.equal('form');
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const { el } = visitor('/mock/unused');
    await formReady(el);
    document.body.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const input = shadow(el, '#phone')!;
    const style = getComputedStyle(input);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('every control is at least 24 × 24 px', async () => {
    const { el } = visitor('/mock/unused');
    await formReady(el);
    for (const selector of ['select', '#phone', '#consent', '[part=submit]', '[part=dismiss]']) {
      const box = shadow(el, selector)!.getBoundingClientRect();
      expect(box.width, selector).to.be.at.least(24);
      expect(box.height, selector).to.be.at.least(24);
    }
  });

  it('the form appears whole, in one step: never a heading without its fields', async () => {
    const { el } = visitor('/mock/unused');
    const parts = ['heading', 'country', 'input', 'consent', 'submit', 'dismiss', 'status'];
    // What the visitor could see, frame by frame, until the form is ready.
    const seen = new Set<string>();
    let sampling = true;
    const sample = () => {
      const box = shadow(el, '[part=root]');
      if (box?.checkVisibility({ visibilityProperty: true })) {
        seen.add(parts.filter((part) => box.querySelector(`[part~=${part}]`)).join(' '));
      }
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    await formReady(el);
    await new Promise(requestAnimationFrame);
    sampling = false;
    expect([...seen]).to.deep.equal([parts.join(' ')]);
  });

  // Not in WebKit: WebKitWebDriver cannot set a viewport, nor make its window narrower than 447 px.
  it('fits a 320 px wide screen without horizontal scrolling [needs viewport emulation]', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = visitor('/mock/unused', {
      'program-name': 'Acme Coffee Roasters International',
    });
    await formReady(el);
    const root = shadow(el, '[part=root]')!;
    expect(root.scrollWidth).to.be.at.most(root.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  // Chromium only: forced-colours emulation is Playwright's (Firefox through puppeteer and
  // WebKitWebDriver have none); Windows High Contrast users are mostly on Chromium-based Edge.
  it('stays usable in forced colors (Windows high contrast) [needs forced colors]', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const { el } = visitor('/mock/unused');
      await formReady(el);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      for (const selector of ['[part=root]', '#phone', '[part=submit]', '[part=dismiss]']) {
        const style = getComputedStyle(shadow(el, selector)!);
        expect(style.borderTopStyle, selector).to.not.equal('none');
        expect(parseFloat(style.borderTopWidth), selector).to.be.at.least(1);
      }
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  // A phone is where most visitors meet the form: the held room must cover the form there too.
  for (const width of [360, 412, 1280]) {
    it(`with reserve-space, moves nothing below it when the form appears at ${width} px [needs viewport emulation]`, async () => {
      await setViewport({ width, height: 800 });
      const below = document.createElement('p');
      below.textContent = 'What follows the element.';
      const { el } = visitor('/mock/unused', { 'reserve-space': '' });
      el.after(below);
      await el.updateComplete;
      const before = below.getBoundingClientRect().top;
      await formReady(el);
      const after = below.getBoundingClientRect().top;
      below.remove();
      expect(after, `moved from ${before} to ${after} px`).to.equal(before);
    });
  }
});
