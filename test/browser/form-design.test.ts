// How the form looks and reads as people meet it: the page's colour scheme, a busy button, why a
// number is queued, the number as the visitor knows it, even spacing, the banner on a phone.
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { sleep, until } from '../support/onesignal-page.js';
import { has } from '../support/needs.js';
import {
  boxReady,
  cleanUp,
  endpoint,
  expandBanner,
  fillAndSubmit,
  formReady,
  mountForm,
  received,
  shadow,
  stateIs,
} from '../support/element.js';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import { countryOfZone } from '../../src/browser/form/default-country.js';
import { regionOf } from '../../src/browser/form/intl.js';

// Relative luminance of a computed "rgb(r, g, b)" colour.
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const colours = (el: PushSmsFallback) => {
  const card = getComputedStyle(shadow(el, '[part=root]')!);
  const checkbox = getComputedStyle(shadow(el, '#consent')!);
  return {
    card: luminance(card.backgroundColor),
    text: luminance(card.color),
    checkboxScheme: checkbox.colorScheme,
  };
};

function page(style: string): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', style);
  document.body.append(wrapper);
  return wrapper;
}

const declinedVisitor = (
  url: string,
  attributes: Record<string, string> = {},
  parent?: HTMLElement,
) => mountForm({ endpoint: url, 'default-country': 'GB', ...attributes }, parent);

// Colour-scheme emulation is a Chromium (Playwright) feature; Firefox over WebDriver BiDi has none.
// Colour-scheme emulation: Playwright's Chromium only (not Firefox's BiDi, not WebKitWebDriver).
const canEmulate = navigator.userAgent.includes('Chrome/');

describe('the form as people meet it', () => {
  const wrappers: HTMLElement[] = [];
  const on = (style: string) => {
    const wrapper = page(style);
    wrappers.push(wrapper);
    return wrapper;
  };
  afterEach(async () => {
    await cleanUp();
    for (const w of wrappers.splice(0)) w.remove();
    if (canEmulate) await emulateMedia({ colorScheme: 'light' });
    if (has('viewport emulation')) await setViewport({ width: 800, height: 600 });
  });

  describe('colour scheme', () => {
    it('is a light card with light controls on a light page', async () => {
      const { el } = declinedVisitor('/mock/unused', {}, on('background: #fff'));
      await formReady(el);
      const { card, text, checkboxScheme } = colours(el);
      expect(card).to.be.above(0.9);
      expect(text).to.be.below(0.1);
      expect(checkboxScheme).to.equal('light');
    });

    it('follows a page with color-scheme: dark: a dark card, light text, a dark checkbox', async () => {
      const { el } = declinedVisitor(
        '/mock/unused',
        {},
        on('color-scheme: dark; background: #0d1117'),
      );
      await formReady(el);
      const { card, text, checkboxScheme } = colours(el);
      expect(card).to.be.below(0.05);
      expect(text).to.be.above(0.7);
      expect(checkboxScheme).to.equal('dark');
    });

    it('follows a dark background on a page that declares no color-scheme', async () => {
      const { el } = declinedVisitor('/mock/unused', {}, on('background: rgb(20, 20, 24)'));
      await formReady(el);
      expect(colours(el).card).to.be.below(0.05);
    });

    it('follows the visitor preference where the page supports both schemes', async () => {
      if (canEmulate) await emulateMedia({ colorScheme: 'dark' });
      const dark = matchMedia('(prefers-color-scheme: dark)').matches;
      const { el } = declinedVisitor('/mock/unused', {}, on('color-scheme: light dark'));
      await formReady(el);
      const { card, checkboxScheme } = colours(el);
      expect(checkboxScheme).to.equal(dark ? 'dark' : 'light');
      expect(card > 0.5).to.equal(!dark);
    });

    it('can be forced, and every custom property still wins', async () => {
      const dark = on(
        'color-scheme: dark; --push-sms-fallback-color-scheme: light; --push-sms-fallback-text: rgb(1, 2, 3)',
      );
      const { el } = declinedVisitor('/mock/unused', {}, dark);
      await formReady(el);
      expect(colours(el).card).to.be.above(0.9);
      expect(colours(el).checkboxScheme).to.equal('light');
      expect(getComputedStyle(shadow(el, '[part=root]')!).color).to.equal('rgb(1, 2, 3)');
      const custom = on('color-scheme: dark; --push-sms-fallback-background: rgb(200, 0, 0)');
      const other = declinedVisitor('/mock/unused', {}, custom).el;
      await formReady(other);
      expect(getComputedStyle(shadow(other, '[part=root]')!).backgroundColor).to.equal(
        'rgb(200, 0, 0)',
      );
    });

    it('passes axe (contrast included) on a dark page, with an error shown', async () => {
      const { el } = declinedVisitor(
        '/mock/unused',
        {},
        on('color-scheme: dark; background: #0d1117'),
      );
      await fillAndSubmit(el, { phone: '12' });
      await until(() => shadow(el, '#phone-error')!.textContent!.trim(), 'the error');
      await expect(el).to.be.accessible();
    });

    it('starts at the inline start of the content, not centred', async () => {
      const wrapper = on('width: 1000px');
      const { el } = declinedVisitor('/mock/unused', {}, wrapper);
      await formReady(el);
      const box = shadow(el, '[part=root]')!.getBoundingClientRect();
      expect(Math.abs(box.left - wrapper.getBoundingClientRect().left)).to.be.below(1);
      expect(box.width).to.be.below(1000);
    });
  });

  describe('busy and queued', () => {
    it('a sending submit button looks different from an idle one and stays focusable', async () => {
      const { url } = endpoint('201:d3000');
      const { el } = declinedVisitor(url);
      await formReady(el);
      const button = shadow<HTMLButtonElement>(el, '[part=submit]')!;
      const idle = getComputedStyle(button);
      const look = (s: CSSStyleDeclaration) => [s.backgroundColor, s.color, s.borderStyle].join();
      const before = look(idle);
      await fillAndSubmit(el, { phone: '07400 123456' });
      await stateIs(el, 'sending');
      expect(look(getComputedStyle(button))).to.not.equal(before);
      expect(button.disabled).to.equal(false);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(shadow(el, '[role=status]')!.textContent).to.contain('Sending');
      // Pressing it again sends nothing twice and takes the visitor to what is happening.
      button.click();
      await until(() => el.shadowRoot!.activeElement?.id === 'status', 'focus on the status');
      await stateIs(el, 'done');
    });

    it('says the server did not answer (not "offline") when the browser is online, and retries on the open page', async () => {
      const { id, url } = endpoint('503:ra0,503:ra0,503:ra0,503:ra0,201');
      const { el } = declinedVisitor(url);
      await fillAndSubmit(el, { phone: '07400 123456' });
      await stateIs(el, 'queued');
      const status = shadow(el, '[role=status]')!.textContent!;
      expect(status).to.contain('server is not answering');
      expect(status).to.not.contain('offline');
      expect(await received(id)).to.have.length(4);
      // No `online` event, no new page view: the page tries again by itself, with the same key.
      await stateIs(el, 'done', 15_000);
      const keys = (await received(id)).map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(5);
      expect(new Set(keys).size).to.equal(1);
    });

    it('a dropped connection while online is the server not answering too', async () => {
      const { url } = endpoint('0');
      const { el } = declinedVisitor(url);
      await fillAndSubmit(el, { phone: '07400 123456' });
      await stateIs(el, 'queued', 15_000);
      expect(shadow(el, '[role=status]')!.textContent).to.contain('server is not answering');
    });

    it('says "offline" when the browser is offline', async () => {
      // The test runner cannot take the browser offline: navigator.onLine says it is.
      Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
      try {
        const { url } = endpoint('0');
        const { el } = declinedVisitor(url);
        await fillAndSubmit(el, { phone: '07400 123456' });
        await stateIs(el, 'queued', 15_000);
        expect(shadow(el, '[role=status]')!.textContent).to.contain('offline');
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });
  });

  describe('the number as the visitor knows it', () => {
    it('in national format for their own country', async () => {
      const { el } = declinedVisitor(endpoint('201').url);
      await fillAndSubmit(el, { phone: '+447400123456' });
      await stateIs(el, 'done');
      expect(shadow(el, '[role=status]')!.textContent).to.contain('07400 123456');
    });

    it('in international format for another country', async () => {
      const { el } = declinedVisitor(endpoint('201').url);
      await fillAndSubmit(el, { phone: '+1 415 555 2671' });
      await stateIs(el, 'done');
      expect(shadow(el, '[role=status]')!.textContent).to.contain('+1 415 555 2671');
    });
  });

  describe('spacing', () => {
    // The space between two rows: from the bottom of what is drawn above to the top of the next.
    const gap = (above: Element, below: Element) =>
      below.getBoundingClientRect().top - above.getBoundingClientRect().bottom;
    const rows = (el: PushSmsFallback) => {
      const fields = el.shadowRoot!.querySelectorAll('.field');
      const agreement = shadow(el, '.agreement')!;
      const actions = shadow(el, '.actions')!;
      return { between: gap(fields[0]!, fields[1]!), aboveButtons: gap(agreement, actions) };
    };

    it('is even above the buttons, with or without an error, and the error is still announced', async () => {
      const { el } = declinedVisitor('/mock/unused');
      await formReady(el);
      const empty = rows(el);
      expect(Math.abs(empty.aboveButtons - empty.between)).to.be.at.most(2);
      const alert = shadow(el, '#consent-error')!;
      // The live region is there, rendered, before its message arrives.
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.checkVisibility()).to.equal(true);

      await fillAndSubmit(el, { phone: '07400 123456', consent: false });
      await until(() => alert.textContent!.includes('Tick the box'), 'the consent error');
      const withError = rows(el);
      expect(Math.abs(withError.aboveButtons - withError.between)).to.be.at.most(2);
      const message = alert.querySelector('span')!.getBoundingClientRect();
      expect(message.height).to.be.above(0);
      expect(Math.abs(gap(alert, shadow(el, '.actions')!) - withError.between)).to.be.at.most(2);
    });
  });

  describe('the banner on a phone', () => {
    it('takes at most 40% of a 390 × 844 screen until the visitor opens it, then the whole form [needs viewport emulation]', async () => {
      await setViewport({ width: 390, height: 844 });
      const below = on('height: 2000px');
      const { el } = declinedVisitor('/mock/unused', { layout: 'banner' }, below);
      await boxReady(el);
      await sleep(100);
      expect(el.getBoundingClientRect().height).to.be.at.most(0.4 * 844);
      const top = below.getBoundingClientRect().top;
      const input = await expandBanner(el);
      await until(() => el.shadowRoot!.activeElement === input, 'focus on the phone field');
      expect(el.getBoundingClientRect().height).to.be.above(0.4 * 844);
      expect(below.getBoundingClientRect().top).to.equal(top); // nothing on the page moved
    });

    it('is dismissed by Escape and by "No thanks" at its first step', async () => {
      const first = declinedVisitor('/mock/unused', { layout: 'banner' }).el;
      await boxReady(first);
      shadow(first, '[part~=expand]')!.focus();
      await sendKeys({ press: 'Escape' });
      await stateIs(first, 'dismissed');
      localStorage.clear();
      const second = declinedVisitor('/mock/unused', { layout: 'banner' }).el;
      await boxReady(second);
      shadow<HTMLButtonElement>(second, '[part=dismiss]')!.click();
      await stateIs(second, 'dismissed');
    });

    it('keeps its fields at a readable width on a desktop [needs viewport emulation]', async () => {
      await setViewport({ width: 1280, height: 800 });
      const { el } = declinedVisitor('/mock/unused', { layout: 'banner' });
      const input = await expandBanner(el);
      expect(input.getBoundingClientRect().width).to.be.at.most(600);
    });
  });

  describe('the default country', () => {
    it("on a German page without a region is the time zone's country, else Germany", async () => {
      // The test runner's browsers cannot be given a time zone or languages; the whole chain is
      // unit-tested, and test/server/default-country.test.ts runs Chromium in Berlin and Mexico City.
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      // Read as the element reads them (WebKitGTK may list tags Intl.Locale refuses).
      const german = navigator.languages.find((l) => l.split(/[-_]/)[0]?.toLowerCase() === 'de');
      const { el } = mountForm({ lang: 'de', endpoint: '/mock/unused' });
      await formReady(el);
      const expected = (german && regionOf(german)) ?? countryOfZone(tz) ?? 'DE';
      expect(shadow<HTMLSelectElement>(el, 'select')!.value, tz).to.equal(expected);
    });
  });
});
