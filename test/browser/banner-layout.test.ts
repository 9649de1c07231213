// The banner layout over a page: where it sits, and what of it may take a click.
import { expect } from '@open-wc/testing';
import { boxReady, cleanUp, mountForm } from '../support/element.js';

/** What takes a click at this point, by name (chai would try to print whole elements). */
const hit = (x: number, y: number): string => document.elementFromPoint(x, y)?.localName ?? 'none';

describe('banner layout', () => {
  afterEach(cleanUp);

  // The page under a banner stays usable: only the banner's visible box may take a click.
  it('with reserve-space, sits at the bottom as tall as its box, and leaves the page above it clickable', async () => {
    const page = document.createElement('button');
    page.textContent = 'The page';
    page.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%';
    document.body.append(page);
    try {
      const { el } = mountForm({ endpoint: '/mock/unused', layout: 'banner', 'reserve-space': '' });
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      const x = innerWidth / 2;
      // Before the form exists there is nothing to see, so nothing may cover the page.
      expect(hit(x, innerHeight - 5), 'while loading').to.equal('button');
      const box = await boxReady(el);
      const host = el.getBoundingClientRect();
      const shown = box.getBoundingClientRect();
      expect(Math.round(shown.bottom), 'the box ends at the bottom').to.equal(innerHeight);
      expect(Math.round(host.top), 'the element starts where its box does').to.equal(
        Math.round(shown.top),
      );
      expect(hit(x, shown.top - 5), 'just above the box').to.equal('button');
      expect(hit(x, shown.top + 5), 'inside the box').to.equal('push-sms-fallback');
    } finally {
      page.remove();
    }
  });
});
