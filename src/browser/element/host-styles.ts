import { css } from '../css.js';

// reserve-space holds its height from the start until the visitor is done with the form, so
// nothing below moves. The default holds the English form from 360 px wide up: narrower, its
// text wraps to more lines (in Chromium 585 px tall at 320 px, 496 at 412, 431 from 575 on;
// Firefox's is some 2 % taller). A banner is fixed over the page: it reserves nothing, and only
// its visible box (form/styles.ts turns pointer events back on there) takes clicks.
// Comments inside css`` ship to every visitor: keep them short.
export const hostStyles = css`
  :host {
    display: block;
    font: inherit;
  }
  :host([hidden]),
  :host([state='push']),
  :host([state='waiting']),
  :host([state='dismissed']) {
    display: none;
  }
  :host(
    [reserve-space]:not([layout='banner']):is(
        [state='loading'],
        [state='form'],
        [state='sending'],
        [state='queued']
      )
  ) {
    min-height: var(--push-sms-fallback-reserved-height, max(30rem, calc(57rem - 80vw)));
  }
  :host([layout='banner']) {
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--push-sms-fallback-z-index, 1000);
    pointer-events: none;
  }
`;
