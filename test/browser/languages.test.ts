// The form speaks the page's language: text, country names, direction.
import { expect } from '@open-wc/testing';
import { until } from '../support/onesignal-page.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  mountForm,
  received,
  shadow,
  stateIs,
} from '../support/element.js';

const visitor = mountForm;

const text = (el: Element | null) => (el as HTMLElement | null)?.innerText.trim() ?? '';

describe('languages', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(async () => {
    document.documentElement.lang = htmlLang;
    await cleanUp();
  });

  it("the element's own lang wins, country names included", async () => {
    const { el } = visitor({ lang: 'de-DE' });
    await formReady(el);
    expect(text(shadow(el, 'h2'))).to.not.equal('Get our updates by text message');
    const selected = shadow<HTMLSelectElement>(el, 'select')!.selectedOptions[0]!;
    expect(selected.value, 'default country from the region subtag').to.equal('DE');
    expect(selected.textContent).to.contain('Deutschland');
  });

  it('falls back from a region to its language: fr-CA gets French', async () => {
    const { el } = visitor({ lang: 'fr-CA' });
    await formReady(el);
    expect(text(shadow(el, '#disclosure'))).to.contain('STOP');
    expect(text(shadow(el, 'label[for=country]'))).to.equal('Pays');
    expect(shadow<HTMLSelectElement>(el, 'select')!.value).to.equal('CA');
  });

  it('takes the nearest [lang] ancestor, then <html lang>', async () => {
    const section = document.createElement('div');
    section.lang = 'es';
    document.body.append(section);
    const { el } = visitor({}, section);
    await formReady(el);
    expect(text(shadow(el, 'label[for=country]'))).to.equal('País');
    section.remove();

    document.documentElement.lang = 'it';
    const second = visitor({});
    await formReady(second.el);
    expect(text(shadow(second.el, 'label[for=country]'))).to.equal('Paese');
  });

  it('an unknown language gets English, and says so to assistive technology', async () => {
    const { el } = visitor({ lang: 'tlh' });
    await formReady(el);
    expect(text(shadow(el, 'label[for=country]'))).to.equal('Country');
    expect(shadow(el, '[part=root]')!.getAttribute('lang')).to.equal('en');
    expect(shadow<HTMLSelectElement>(el, 'select')!.selectedOptions[0]!.textContent).to.contain(
      'United States',
    );
  });

  for (const lang of ['ar', 'he']) {
    it(`${lang} lays the form out right to left`, async () => {
      const { el } = visitor({ lang, 'default-country': lang === 'ar' ? 'AE' : 'IL' });
      const input = await formReady(el);
      const root = shadow(el, '[part=root]')!;
      expect(root.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(root).direction).to.equal('rtl');
      const range = document.createRange();
      range.selectNodeContents(shadow(el, 'label[for=phone]')!);
      const label = range.getBoundingClientRect();
      const rootBox = root.getBoundingClientRect();
      // The label's text starts at the right edge.
      expect(rootBox.right - label.right).to.be.below(label.left - rootBox.left);
      expect(input.getBoundingClientRect().width).to.be.above(100);
      await expect(el).to.be.accessible();
    });
  }

  it("records the disclosure in the visitor's language", async () => {
    const { id, url } = endpoint('201');
    const { el } = visitor({ lang: 'ja', endpoint: url, 'default-country': 'JP' });
    await fillAndSubmit(el, { phone: '090-1234-5678' });
    await stateIs(el, 'done');
    const { body } = (await received(id))[0]!;
    expect(body.phone).to.equal('+819012345678');
    expect(body.consent.locale).to.equal('ja');
    expect(body.consent.text).to.contain('Acme');
    expect(body.consent.text).to.match(/[\u3040-\u30ff]/);
  });

  it("names the allowed countries in the visitor's language when refusing a number", async () => {
    const { el, of } = visitor({ lang: 'fr', countries: 'FR,BE', endpoint: '/mock/unused' });
    await fillAndSubmit(el, { phone: '+44 7400 123456' });
    await until(() => of('error').length);
    expect(text(shadow(el, '#phone-error'))).to.contain('France et Belgique');
  });
});
