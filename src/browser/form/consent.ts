import type { Strings } from '../locales/strings.js';
import { format } from '../locales/strings.js';
import type { FormHost } from './host.js';

/** A link of the disclosure: its text, and where it goes (none: plain text). */
interface Link {
  text: string;
  href: string | undefined;
}

/**
 * The SMS disclosure as parts: text with the program, frequency and links filled in. Each part
 * becomes a text node or a link whose text is a text node: never HTML.
 */
export function disclosure(host: FormHost, s: Strings): (string | Link)[] {
  const action =
    host.consentMode === 'button'
      ? format(s.consentByButton, { button: s.submitAndAgree })
      : s.consentByCheckbox;
  const values: Record<string, string | Link> = {
    action,
    program: host.programName ?? '',
    frequency: host.messageFrequency ?? s.frequency,
    terms: { text: s.terms, href: host.termsUrl },
    privacy: { text: s.privacy, href: host.privacyUrl },
  };
  return s.consent
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? (values[part.slice(1, -1)] ?? part) : part))
    .filter((part) => part !== '');
}

/** The nodes of the disclosure's parts: links open in a new tab, a part without a URL is text. */
export function disclosureNodes(parts: (string | Link)[]): Node[] {
  return parts.map((part) => {
    if (typeof part === 'string') return new Text(part);
    if (!part.href) return new Text(part.text);
    const link = document.createElement('a');
    link.setAttribute('href', part.href);
    Object.assign(link, { target: '_blank', rel: 'noopener', textContent: part.text });
    return link;
  });
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
