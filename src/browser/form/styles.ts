import { css } from '../css.js';

// Themed through --push-sms-fallback-* custom properties; every color has a forced-colors fallback.
// The defaults follow the page's colour scheme (form/scheme.ts sets data-scheme on the box), so
// the native controls (checkbox, select) are drawn in the same scheme as the card around them.
export const styles = css`
  .root {
    color-scheme: light;
    --_accent: var(--push-sms-fallback-accent, #1a56db);
    --_accent-text: var(--push-sms-fallback-accent-text, #fff);
    --_text: var(--push-sms-fallback-text, #1f2328);
    --_muted: var(--push-sms-fallback-muted, #57606a);
    --_error: var(--push-sms-fallback-error, #b42318);
    --_border: var(--push-sms-fallback-border, #8c959f);
    --_background: var(--push-sms-fallback-background, #fff);
    --_field: var(--push-sms-fallback-field-background, #fff);
    --_radius: var(--push-sms-fallback-radius, 0.5rem);
    --_gap: var(--push-sms-fallback-gap, 0.75rem);
    box-sizing: border-box;
    max-width: var(--push-sms-fallback-max-width, 36rem);
    padding: var(--push-sms-fallback-padding, 1rem);
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: var(--push-sms-fallback-font, inherit);
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .root[data-scheme='dark'] {
    color-scheme: dark;
    --_accent: var(--push-sms-fallback-accent, #6ca4f8);
    --_accent-text: var(--push-sms-fallback-accent-text, #0d1117);
    --_text: var(--push-sms-fallback-text, #e6edf3);
    --_muted: var(--push-sms-fallback-muted, #a5aeb8);
    --_error: var(--push-sms-fallback-error, #ff8a80);
    --_border: var(--push-sms-fallback-border, #7d8590);
    --_background: var(--push-sms-fallback-background, #161b22);
    --_field: var(--push-sms-fallback-field-background, #0d1117);
  }
  /* The box's first layout, out of sight and out of the flow, at the width it will have. */
  :host {
    position: relative;
  }
  .root.staged {
    position: absolute;
    inset-inline: 0;
    visibility: hidden;
  }
  :host([layout='banner']) .root {
    pointer-events: auto;
    max-width: none;
    max-height: 100vh;
    overflow-y: auto;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: var(--push-sms-fallback-shadow, 0 -4px 16px rgb(0 0 0 / 0.15));
  }
  /* A full-width banner keeps its text and fields at a readable width. */
  :host([layout='banner']) .root > * {
    max-width: var(--push-sms-fallback-max-width, 36rem);
    margin-inline: auto;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.15em;
  }
  .intro,
  .hint {
    margin: 0 0 var(--_gap);
    color: var(--_muted);
  }
  .hint {
    margin: 0.25rem 0 0;
    font-size: 0.9em;
  }
  /* A column of full-width rows. (A grid's auto column would measure every country name in the
     selector to size itself, on each change of the list.) */
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  select,
  button {
    box-sizing: border-box;
    min-height: 2.75rem;
    font: inherit;
    color: inherit;
  }
  input[type='tel'],
  select {
    width: 100%;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  /* The country selector drawn like the phone field in every engine (WebKit's native menu button
     ignores backgrounds and is taller), with an arrow in the text colour: a page restyling
     ::part(country) keeps it unless it replaces background-image. */
  select {
    -webkit-appearance: none;
    appearance: none;
    padding-inline-end: 2.25rem;
    line-height: inherit;
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      right 1.2rem center,
      right 0.85rem center;
    background-size: 0.35rem 0.35rem;
    background-repeat: no-repeat;
  }
  .root[dir='rtl'] select {
    background-position:
      left 0.85rem center,
      left 1.2rem center;
  }
  @media (forced-colors: active) {
    select {
      forced-color-adjust: none;
      color: FieldText;
      background-color: Field;
    }
  }
  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .consent label {
    font-weight: normal;
    font-size: 0.9em;
  }
  .consent input {
    flex: none;
    width: 1.5rem;
    min-height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_accent);
  }
  a {
    color: var(--_accent);
  }
  /* Alerts and the status stay rendered (a live region must exist before its message does);
     empty, they take no room: the consent alerts share the agreement's row, not rows of their own. */
  .error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .error:not(:empty) {
    margin-top: 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  button {
    padding: 0.5rem 1.25rem;
    border-radius: calc(var(--_radius) / 2);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }
  [part~='submit'] {
    color: var(--_accent-text);
    background: var(--_accent);
  }
  /* Busy (sending, or queued and retrying): an outlined button with a turning ring, still
     focusable and legible. */
  [part~='submit'][aria-disabled='true'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    cursor: progress;
    color: var(--_accent);
    background: transparent;
    border-style: dashed;
  }
  [part~='submit'][aria-disabled='true']::before {
    content: '';
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: psf-turn 0.8s linear infinite;
  }
  @keyframes psf-turn {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='submit'][aria-disabled='true']::before {
      animation: none;
    }
  }
  [part='dismiss'] {
    color: var(--_accent);
    background: transparent;
  }
  :focus-visible {
    outline: 3px solid var(--push-sms-fallback-focus, var(--_accent));
    outline-offset: 2px;
  }
  .status {
    margin: 0;
  }
  .status:not(:empty) {
    margin-top: var(--_gap);
  }
  .status:focus {
    outline: none;
  }
  @media (forced-colors: active) {
    .root,
    input,
    select,
    button {
      border-color: CanvasText;
    }
    [part~='submit'] {
      forced-color-adjust: none;
      color: ButtonText;
      background: ButtonFace;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
