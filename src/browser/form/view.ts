import type { State } from '../push/push-state.js';
import { intro, type Strings } from '../locales/strings.js';
import { disclosure, disclosureNodes } from './consent.js';
import type { FormHost } from './host.js';

/** An error shown next to its field. */
export interface Shown {
  message: string;
  /** Changes on every failure, so a repeated message is announced again. */
  seq: number;
  field: 'phone' | 'consent' | 'form';
}

/** What the visitor does, handled by the form. */
export interface Handlers {
  submit(event: Event): void;
  phoneInput(event: Event): void;
  phoneSlot(): void;
  country(event: Event): void;
  consent(event: Event): void;
  slotChange(): void;
  expand(): void;
  dismiss(): void;
}

/** Everything a render of the form reads. */
export interface FormView {
  host: FormHost;
  s: Strings;
  state: State;
  /** The status line: empty in the form, undefined where the box is not shown. */
  status: string;
  /** How much of the form is built (1: heading and intro, 2: fields, 3: agreement). */
  stage: number;
  /** The banner's first step: heading, intro and a button that opens the form in place. */
  compact: boolean;
  phone: string;
  consent: boolean;
  country: string;
  countries: HTMLOptionElement[];
  error: Shown | undefined;
}

type Field = Shown['field'];

const dismiss = '<button part="dismiss" type="button"></button>';
// Always present, so a screen reader has the live region before a message arrives; empty, so
// it is :empty and takes no space.
const alert = (field: Field) =>
  `<p part="error" class="error" id="${field}-error" role="alert"></p>`;

/**
 * Every element the form may show, in order, as static markup with no text: parsed once per
 * document, cloned by each form, which fills in its text as text nodes (never as HTML) and
 * attaches the parts its state shows.
 */
const MARKUP =
  '<h2 part="heading" id="heading"><slot name="heading"></slot></h2>' +
  '<p class="intro"><slot name="intro"></slot></p><p class="intro"></p>' +
  `<div class="actions"><button part="submit expand" type="button" aria-expanded="false"></button>${dismiss}</div>` +
  '<form novalidate><div class="field"><label for="country"></label>' +
  '<select id="country" part="country" autocomplete="tel-country-code"></select></div>' +
  '<div class="field"><label for="phone"></label><slot name="phone"><input id="phone" part="input" ' +
  'type="tel" autocomplete="tel" inputmode="tel" aria-describedby="phone-hint phone-error"></slot>' +
  `<p class="hint" id="phone-hint"></p>${alert('phone')}</div>` +
  '<div class="agreement"><div part="consent" class="consent">' +
  '<input id="consent" type="checkbox" aria-describedby="consent-error">' +
  `<label id="disclosure"><slot name="consent"></slot></label></div>${alert('consent')}${alert('form')}</div>` +
  `<div class="actions"><button part="submit" type="submit"></button>${dismiss}</div></form>` +
  '<p part="status" class="status" id="status" role="status" tabindex="-1"></p>';

let template: HTMLTemplateElement | undefined;

function parsed(): DocumentFragment {
  if (!template) {
    template = document.createElement('template');
    template.innerHTML = MARKUP;
  }
  return template.content.cloneNode(true) as DocumentFragment;
}

const busyIn = (state: State) => state === 'sending' || state === 'queued';

function text(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

function attr(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

const invalid = (el: Element, field: Field, error: Shown | undefined) =>
  attr(el, 'aria-invalid', error?.field === field ? 'true' : 'false');

/**
 * Makes `nodes` the children of `parent`, in order. Nodes that stay are never moved (a focused
 * control keeps focus, a live region stays put); the others are removed or inserted in place.
 */
function place(parent: Element, nodes: Element[]): void {
  const wanted = new Set(nodes);
  for (const child of [...parent.children]) if (!wanted.has(child)) child.remove();
  nodes.forEach((node, index) => {
    const at = parent.children.item(index);
    if (at !== node) parent.insertBefore(node, at);
  });
}

type Four = [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

/** Elements whose text is one of the strings as it stands, by selector. */
const LABELS: [string, keyof Strings][] = [
  ['h2 slot', 'heading'],
  ['[part=dismiss]', 'dismiss'],
  ['[aria-expanded]', 'expand'],
  ['[for=country]', 'country'],
  ['[for=phone]', 'phone'],
  ['.hint', 'phoneHint'],
  ['.intro + .intro', 'iosHint'],
];

/** A clone of the markup and its elements, each found once. */
function clone(on: Handlers) {
  const root = parsed();
  const one = <T extends HTMLElement = HTMLElement>(selector: string) =>
    root.querySelector<T>(selector) as T;
  const listen = (selector: string, type: string, handler: (event: Event) => void) =>
    root.querySelectorAll(selector).forEach((el) => el.addEventListener(type, handler));
  listen('form', 'submit', on.submit);
  listen('slot[name=phone]', 'slotchange', on.phoneSlot);
  listen('slot[name=phone]', 'input', on.phoneInput);
  listen('select', 'change', on.country);
  listen('#consent', 'change', on.consent);
  listen('slot[name=consent]', 'slotchange', on.slotChange);
  listen('[aria-expanded]', 'click', on.expand);
  listen('[part=dismiss]', 'click', on.dismiss);
  const [heading, intro, hint, compact, form, status] = root.children as unknown as [
    ...Four,
    HTMLElement,
    HTMLElement,
  ];
  return {
    parts: { heading, intro, hint, compact, form, status },
    fields: [...form.children] as Four,
    labels: LABELS.flatMap(([selector, key]) =>
      [...root.querySelectorAll(selector)].map((el) => [el, key] as const),
    ),
    introSlot: one('.intro slot'),
    select: one<HTMLSelectElement>('select'),
    input: one<HTMLInputElement>('#phone'),
    checkbox: one<HTMLInputElement>('#consent'),
    disclosure: one('#disclosure'),
    consentSlot: one('slot[name=consent]'),
    submit: one('[type=submit]'),
    alerts: {
      phone: one('#phone-error'),
      consent: one('#consent-error'),
      form: one('#form-error'),
    },
  };
}

/** One form's elements, cloned from the markup, and the updates each render makes to them. */
export class FormDom {
  private readonly el: ReturnType<typeof clone>;
  /** What each property was last set to: a render sets a property only when its value changed. */
  private phone?: string;
  private country?: string;
  private consent?: boolean;
  private disclosure?: string;
  private readonly seqs = new Map<Field, number | undefined>();

  constructor(
    private readonly box: HTMLElement,
    on: Handlers,
  ) {
    this.el = clone(on);
  }

  /** Brings the elements up to `view`: their content first, then which of them are attached. */
  update(view: FormView): void {
    const { s, host, state } = view;
    const { parts, fields } = this.el;
    for (const [el, key] of this.el.labels) text(el, s[key]);
    text(parts.status, view.status);
    if (state === 'done') return place(this.box, [parts.heading, parts.status]);
    text(this.el.introSlot, intro(s, host.reason));
    const [countryField, phoneField, agreement, actions] = fields;
    const shown: HTMLElement[] = [];
    if (!view.compact && view.stage >= 2) {
      if (host.countries?.length !== 1) shown.push(countryField);
      shown.push(phoneField);
      this.updateFields(view);
      if (view.stage >= 3) {
        shown.push(agreement, actions);
        this.updateAgreement(view);
      }
    }
    place(parts.form, shown);
    place(this.box, [
      parts.heading,
      parts.intro,
      ...(host.hint ? [parts.hint] : []),
      view.compact ? parts.compact : parts.form,
      parts.status,
    ]);
  }

  private updateFields({ country, countries, phone, state, error }: FormView): void {
    const { select, input } = this.el;
    // As Lit's `.value` binding: set before the options, and only when the form's value changed.
    if (country !== this.country) select.value = this.country = country;
    place(select, countries);
    if (phone !== this.phone) input.value = this.phone = phone;
    input.toggleAttribute('readonly', busyIn(state));
    invalid(input, 'phone', error);
    this.alert('phone', error);
  }

  /** The consent disclosure (with its checkbox unless the button states the agreement) and the buttons. */
  private updateAgreement({ s, host, consent, state, error }: FormView): void {
    const { checkbox, disclosure: label } = this.el;
    const button = host.consentMode === 'button';
    if (!button && consent !== this.consent) checkbox.checked = this.consent = consent;
    invalid(checkbox, 'consent', error);
    attr(label, 'for', button ? undefined : 'consent');
    place(label.parentElement as HTMLElement, button ? [label] : [checkbox, label]);
    const parts = disclosure(host, s);
    const key = JSON.stringify(parts);
    // Rebuilt only when its text changes, so a focused link keeps focus across renders.
    if (key !== this.disclosure) this.el.consentSlot.replaceChildren(...disclosureNodes(parts));
    this.disclosure = key;
    this.alert('consent', error);
    this.alert('form', error);
    attr(this.el.submit, 'aria-disabled', busyIn(state) ? 'true' : 'false');
    text(this.el.submit, button ? s.submitAndAgree : s.submit);
  }

  /** A new message in a new node, so a repeated message is announced again; none empties it. */
  private alert(field: Field, error: Shown | undefined): void {
    const seq = error?.field === field ? error.seq : undefined;
    if (seq === this.seqs.get(field)) return;
    this.seqs.set(field, seq);
    const node = document.createElement('span');
    node.textContent = error?.message ?? '';
    this.el.alerts[field].replaceChildren(...(seq === undefined ? [] : [node]));
  }
}
