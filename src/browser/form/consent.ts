import { html, type TemplateResult } from 'lit/html.js';
import type { Strings } from '../locales/strings.js';
import { format } from '../locales/strings.js';
import type { FormHost } from './host.js';

const link = (url: string | undefined, text: string) =>
  url ? html`<a href=${url} target="_blank" rel="noopener">${text}</a>` : text;

/**
 * The SMS disclosure as rendered parts: text with the program, frequency and links filled in.
 * Every value is rendered as text by Lit, never as HTML.
 */
export function disclosure(host: FormHost, s: Strings): (string | TemplateResult)[] {
  const action =
    host.consentMode === 'button'
      ? format(s.consentByButton, { button: s.submitAndAgree })
      : s.consentByCheckbox;
  const values: Record<string, string | TemplateResult> = {
    action,
    program: host.programName ?? '',
    frequency: host.messageFrequency ?? s.frequency,
    terms: link(host.termsUrl, s.terms),
    privacy: link(host.privacyUrl, s.privacy),
  };
  return s.consent
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? (values[part.slice(1, -1)] ?? part) : part))
    .filter((part) => part !== '');
}

/** The exact text the visitor sees as the disclosure, slotted override included. */
export function renderedText(slot: HTMLSlotElement | null): string {
  const nodes = slot?.assignedNodes({ flatten: true }) ?? [];
  return nodes
    .map((node) => node.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
