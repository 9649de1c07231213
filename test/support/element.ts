/**
 * Browser-test helpers for the element: mount it like a page does, record its events, drive
 * the form like a visitor, and read what the scripted mock endpoint received.
 */
import '../../src/index.js';
import type { PushSmsFallback } from '../../src/browser/element/push-sms-fallback.js';
import type { RegistrationRequest } from '../../src/wire/contract.js';
import { resetOneSignalPage, simulatorUrl, until, type SimulatorQuery } from './onesignal-page.js';
import { has } from './needs.js';

export const APP_ID = '00000000-0000-4000-8000-000000000000';
const EVENTS = ['permission', 'show', 'submit', 'success', 'error', 'dismiss'] as const;

const mounted: HTMLElement[] = [];

export interface Mounted {
  el: PushSmsFallback;
  events: CustomEvent[];
  /** Events of one kind, e.g. `of('show')`. */
  of(name: (typeof EVENTS)[number]): CustomEvent[];
}

/** Creates `<push-sms-fallback>` with these attributes and puts it in the page. */
export function mount(
  attributes: Record<string, string>,
  parent: HTMLElement = document.body,
): Mounted {
  const el = document.createElement('push-sms-fallback');
  const events: CustomEvent[] = [];
  for (const name of EVENTS) {
    el.addEventListener(`push-sms-fallback-${name}`, (event) => events.push(event));
  }
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  mounted.push(el);
  return {
    el,
    events,
    of: (name) => events.filter((event) => event.type === `push-sms-fallback-${name}`),
  };
}

/**
 * Why mountForm's visitor gets the form: the blocked SDK, or, in a browser without the Push API
 * (WebKit in its iOS-tab mode), no push at all.
 */
export const BLOCKED_SDK = has('push')
  ? { supported: true, reason: 'unavailable' }
  : { supported: false, reason: 'unsupported' };

/** A visitor who gets the form at once: the SDK script is blocked, so push is unavailable. */
export const mountForm = (attributes: Record<string, string> = {}, parent?: HTMLElement): Mounted =>
  mount(
    {
      'app-id': APP_ID,
      'sdk-src': '/blocked.js',
      'program-name': 'Acme Coffee',
      'terms-url': '/terms',
      'privacy-url': '/privacy',
      ...attributes,
    },
    parent,
  );

/** Mounted with the OneSignal simulator as its SDK. */
export const mountWithSdk = (query: SimulatorQuery, attributes: Record<string, string> = {}) =>
  mount({ 'app-id': APP_ID, 'sdk-src': simulatorUrl({ initDelay: 10, ...query }), ...attributes });

export const stateIs = (el: PushSmsFallback, state: string, timeoutMs?: number) =>
  until(
    () => el.state === state && el.getAttribute('state') === state,
    `state ${state} (is ${el.state})`,
    timeoutMs,
  );

export const shadow = <T extends Element = HTMLElement>(
  el: PushSmsFallback,
  selector: string,
): T | null => el.shadowRoot!.querySelector<T>(selector);

/** The built-in phone input, once the visitor can see the form (it is built hidden, then shown). */
export const formReady = (el: PushSmsFallback) =>
  until(
    () => {
      const box = el.shadowRoot?.querySelector('[part=root]');
      if (!box?.checkVisibility({ visibilityProperty: true })) return undefined;
      return box.querySelector<HTMLInputElement>('input[type=tel]');
      // The first form of a run waits for the dev server's first transform of the form chunk and
      // its locale while four browsers start at once (seen at 8 s in CI): the wait is longer.
    },
    'the form, visible',
    15_000,
  );

/** The form's box, once the visitor can see it (a banner's first step has no fields yet). */
export const boxReady = (el: PushSmsFallback) =>
  until(() => {
    const box = el.shadowRoot?.querySelector<HTMLElement>('[part=root]');
    return box?.checkVisibility({ visibilityProperty: true }) ? box : undefined;
  }, 'the form box, visible');

/** Opens a banner's first step into the whole form, as a visitor does; returns the phone input. */
export async function expandBanner(el: PushSmsFallback): Promise<HTMLInputElement> {
  await boxReady(el);
  shadow<HTMLButtonElement>(el, '[part~=expand]')!.click();
  return formReady(el);
}

/** Types into the phone field (and ticks consent) like a visitor, then submits. */
export async function fillAndSubmit(
  el: PushSmsFallback,
  { phone, consent = true, country }: { phone: string; consent?: boolean; country?: string },
): Promise<void> {
  const input = await formReady(el);
  if (country) {
    const select = shadow<HTMLSelectElement>(el, 'select')!;
    // The full list follows the first paint of the form.
    await until(() => [...select.options].some((o) => o.value === country), `option ${country}`);
    select.value = country;
    select.dispatchEvent(new Event('change'));
  }
  input.value = phone;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const box = shadow<HTMLInputElement>(el, 'input[type=checkbox]');
  if (box && box.checked !== consent) box.click();
  await el.updateComplete;
  shadow<HTMLButtonElement>(el, 'button[type=submit]')!.click();
}

export interface Received {
  headers: Record<string, string>;
  body: RegistrationRequest;
}

/** What the scripted mock endpoint (test/support/mock-endpoint.mjs) received for `id`. */
export async function received(id: string): Promise<Received[]> {
  const log = (await (await fetch(`/mock/${id}/log`)).json()) as {
    headers: Record<string, string>;
    body: string;
  }[];
  return log.map(({ headers, body }) => ({
    headers,
    body: JSON.parse(body) as RegistrationRequest,
  }));
}

let endpoints = 0;
/** A fresh mock endpoint URL answering with `script` (e.g. `503:ra0,201`). */
export function endpoint(script = '201'): { url: string; id: string } {
  const id = `t${Date.now()}-${++endpoints}`;
  return { id, url: `/mock/${id}?script=${script}` };
}

/** Removes mounted elements and everything OneSignal and the element left on the page. */
export async function cleanUp(): Promise<void> {
  for (const el of mounted.splice(0)) el.remove();
  await resetOneSignalPage();
}

/** Records console.warn until the test ends. */
export function spyWarnings() {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, restore: () => (console.warn = original) };
}
