// The country selector looks like the phone field beside it in every engine: WebKit's native menu
// button otherwise ignores the field background and ::part(country) styles and stands 3 px taller.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { cleanUp, formReady, mountForm, shadow } from '../support/element.js';

async function countryAndPhone(style = '') {
  const sheet = document.createElement('style');
  sheet.textContent = style;
  document.head.append(sheet);
  const { el } = mountForm({ endpoint: '/mock/unused', 'default-country': 'US' });
  const input = await formReady(el);
  return { select: shadow<HTMLSelectElement>(el, 'select')!, input, sheet };
}

/** The drawn arrow: a background image (the native one is gone with `appearance: none`). */
const arrow = (select: HTMLSelectElement) => getComputedStyle(select).backgroundImage;

describe('the country selector', () => {
  const sheets: HTMLStyleElement[] = [];
  afterEach(async () => {
    sheets.splice(0).forEach((sheet) => sheet.remove());
    await cleanUp();
  });

  it('is as tall as the phone field and draws its own arrow', async () => {
    const { select, input } = await countryAndPhone();
    expect(getComputedStyle(select).appearance).to.equal('none');
    expect(select.getBoundingClientRect().height).to.be.closeTo(
      input.getBoundingClientRect().height,
      0.5,
    );
    expect(arrow(select)).to.contain('gradient');
  });

  it('takes the field background and ::part(country) styles, and keeps the arrow', async () => {
    const { select, sheet } = await countryAndPhone(`
      push-sms-fallback { --push-sms-fallback-field-background: rgb(250, 240, 200); }
      push-sms-fallback::part(country) { color: rgb(20, 40, 90); }
    `);
    sheets.push(sheet);
    const style = getComputedStyle(select);
    expect(style.backgroundColor).to.equal('rgb(250, 240, 200)');
    expect(style.color).to.equal('rgb(20, 40, 90)');
    expect(arrow(select)).to.contain('gradient');

    sheet.textContent = `push-sms-fallback::part(country) { background-color: rgb(200, 230, 255); }`;
    expect(getComputedStyle(select).backgroundColor).to.equal('rgb(200, 230, 255)');
    expect(arrow(select)).to.contain('gradient');
  });

  // Chromium only: forced-colours emulation is Playwright's.
  it('keeps a visible arrow in forced colors [needs forced colors]', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const { select } = await countryAndPhone();
      const style = getComputedStyle(select);
      expect(arrow(select)).to.contain('gradient');
      // The arrow is drawn in the field's text colour, on the field's colour: never the same.
      expect(style.color).to.not.equal(style.backgroundColor);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
