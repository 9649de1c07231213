// The demo page: sets the element up as a site owner would, and shows everything it does.
import type {} from '../src/browser/element/events.js';
import type { SimWindow } from './simulators/onesignal-page-sdk.types.js';
import type { LogEntry } from './log.types.js';
import { showAnalytics } from './analytics-panel.js';
import { newVisitor, visitorId } from './visitor.js';

// Before anything asks the backend: the visitor's id (their session, as on a real site).
visitorId();

interface Settings {
  visitor: 'normal' | 'unsupported' | 'blocked';
  layout: string;
  showWhen: string;
  lang: string;
  scheme: string;
}
interface DemoConfig {
  /** Set when the server has ONESIGNAL_APP_ID: the real SDK loads instead of the simulator. */
  appId: string | null;
  restSimulated: boolean;
  locales: string[];
}

const SETTINGS_KEY = 'psf-demo';
const DEMO_APP_ID = '00000000-0000-4000-8000-000000000000';
const settings: Settings = {
  visitor: 'normal',
  layout: 'inline',
  showWhen: 'declined',
  lang: 'en',
  scheme: 'light',
  ...(JSON.parse(sessionStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>),
};
const save = () => sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
function $<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo page lacks ${selector}`);
  return found;
}

const config = (await (await fetch('/demo/config.json')).json()) as DemoConfig;
const element = $('#fallback');
const simulated = !config.appId;

// A browser without the Push API (iOS Safari outside a home-screen app, in-app webviews):
// both the element's own check and the SDK's loader look for PushSubscriptionOptions.
if (settings.visitor === 'unsupported')
  delete (window as { PushSubscriptionOptions?: unknown }).PushSubscriptionOptions;

element.setAttribute('app-id', config.appId ?? DEMO_APP_ID);
if (simulated) {
  element.setAttribute(
    'sdk-src',
    settings.visitor === 'blocked' ? '/simulator/blocked.js' : '/simulator/onesignal-page-sdk.js',
  );
}
element.setAttribute('layout', settings.layout);
element.setAttribute('show-when', settings.showWhen);
element.setAttribute('lang', settings.lang);
document.documentElement.classList.toggle('dark', settings.scheme === 'dark');

$('#mode-note').textContent = simulated
  ? `Demo mode: OneSignal is SIMULATED in this page (no account needed)${config.restSimulated ? ', and the sandbox backend talks to a simulated OneSignal REST API' : ''}. Visitor: ${settings.visitor}.`
  : `Live mode: the real OneSignal SDK with app ${config.appId}.${config.restSimulated ? ' The backend uses a simulated REST API (set ONESIGNAL_API_KEY for the real one).' : ''}`;

// Page controls.
for (const [id, key] of [
  ['#layout', 'layout'],
  ['#show-when', 'showWhen'],
  ['#lang', 'lang'],
  ['#scheme', 'scheme'],
] as const) {
  const select = $<HTMLSelectElement>(id);
  if (id === '#lang') {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    select.replaceChildren(
      ...config.locales.map((tag) => new Option(`${names.of(tag) ?? tag} (${tag})`, tag)),
    );
  }
  select.value = settings[key];
  select.addEventListener('change', () => {
    settings[key] = select.value;
    save();
    location.reload();
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-visitor]')) {
  const action = button.dataset['visitor'] ?? '';
  if (!simulated && action !== 'reset') button.disabled = true;
  button.addEventListener('click', () => {
    const sim = window.OneSignalSimulator;
    if (action === 'grant') sim?.grant();
    else if (action === 'deny') sim?.deny();
    else if (action === 'dismiss') sim?.dismiss();
    else {
      if (action === 'reset') {
        sim?.reset();
        localStorage.clear();
        newVisitor();
        settings.visitor = 'normal';
      } else {
        settings.visitor = action as Settings['visitor'];
      }
      save();
      // A new visitor meets a backend that answers normally.
      void (action === 'reset' ? setFault('none') : Promise.resolve()).then(() =>
        location.reload(),
      );
    }
  });
}

// "Dismiss the prompt" is the visitor closing the permission prompt, which only a started
// OneSignal shows: the button says why it cannot act yet (or any more) instead of doing nothing.
const dismissButton = $<HTMLButtonElement>('[data-visitor=dismiss]');
const dismissNote = $('#dismiss-note');
function canDismiss(): void {
  if (!simulated) return;
  const started = (window as SimWindow).OneSignal?.Notifications.permissionNative !== undefined;
  const answer = window.OneSignalSimulator?.state.permission ?? 'default';
  dismissNote.textContent =
    settings.visitor !== 'normal'
      ? 'No OneSignal on this visit: no prompt to dismiss.'
      : !started
        ? 'Dismiss waits for OneSignal to start (3 s after load, as on a real site).'
        : answer !== 'default'
          ? `Nothing to dismiss: push is ${answer}.`
          : '';
  dismissButton.disabled = dismissNote.textContent !== '';
}
canDismiss();
window.addEventListener('onesignal-simulator-change', canDismiss);

// The STOP path: the registered phone texts STOP (or START) to the simulated sender. The number
// outlasts "New visitor", so registering it again shows the opted-out answer.
const PHONE_KEY = 'psf-demo-phone';
const phoneNote = $('#phone-note');
const textButtons = document.querySelectorAll<HTMLButtonElement>('[data-text]');
function knowPhone(phone: string | null): void {
  if (!phone || !config.restSimulated) return;
  sessionStorage.setItem(PHONE_KEY, phone);
  for (const button of textButtons) button.disabled = false;
  phoneNote.textContent = `The visitor's phone: ${phone}.`;
}
knowPhone(sessionStorage.getItem(PHONE_KEY));
document.addEventListener('push-sms-fallback-success', (event) =>
  knowPhone((event as CustomEvent<{ phone: string }>).detail.phone),
);
// One button, STOP then START: the phone opts out, then back in.
for (const button of textButtons) {
  button.addEventListener('click', async () => {
    const phone = sessionStorage.getItem(PHONE_KEY) ?? '';
    const body = button.dataset['text'] ?? 'STOP';
    const query = new URLSearchParams({ phone, body });
    const res = await fetch(`/demo/text?${query}`, { method: 'POST' });
    if (!res.ok)
      return void (phoneNote.textContent = `The sandbox refused the text (${res.status}).`);
    phoneNote.textContent =
      body === 'STOP'
        ? `${phone} texted STOP. Press “New visitor ↻” and register it again: the backend refuses it (409).`
        : `${phone} texted START: it can register again.`;
    button.dataset['text'] = body === 'STOP' ? 'START' : 'STOP';
    button.textContent = `Text ${button.dataset['text']} from this phone`;
  });
}

// The backend's fault lives on the server (it outlasts reloads): the page shows which is active.
type Fault = { mode: 'none' | 'unavailable' | 'down'; left: number };
const FAULT_TEXT = {
  none: () => 'answering normally',
  unavailable: (left: number) => `answering 503 to the next ${left} request(s)`,
  down: () => 'down: every request fails with a network error',
};
const faultButtons = document.querySelectorAll<HTMLButtonElement>('[data-fault]');
function showFault({ mode, left }: Fault): void {
  $('#fault-now').textContent = FAULT_TEXT[mode](left);
  for (const button of faultButtons) {
    button.setAttribute('aria-pressed', String(button.dataset['fault'] === mode));
  }
}
async function setFault(mode: string): Promise<void> {
  await fetch('/demo/fault', { method: 'POST', body: mode });
  await poll();
}
for (const button of faultButtons) {
  button.addEventListener('click', () => void setFault(button.dataset['fault'] ?? 'none'));
}

// What to do next, for the state the element is in.
const HINTS: Record<string, string> = {
  loading: 'Loading OneSignal…',
  waiting:
    'Nothing shows yet: this visitor has not answered the push prompt, so the element stays out of the way. Start here: press “Deny push” to see the form.',
  push: 'This visitor has push: the element shows nothing and keeps the subscribed_to_push tag right. Try “New visitor ↻”.',
  form: 'The form: try an invalid number, submit without consent, or make the backend fail first.',
  sending: 'Sending, with retries and the same Idempotency-Key (see “Backend received”).',
  queued:
    'Queued: the number is saved on this device and tried again on a backoff schedule. Press “Answer normally” and wait.',
  done: 'Registered. Reload: the visitor is not asked again. “New visitor ↻” starts over.',
  dismissed: 'Dismissed: hidden on this device for 30 days. “New visitor ↻” starts over.',
};
const hint = $('#hint');

// What happened: element events, the page SDK, the backend and the REST API.
const show = (list: HTMLElement, text: string) => {
  const item = document.createElement('li');
  item.textContent = text; // Everything here is data from the page or the server: text only.
  list.prepend(item);
};
const events = $('#events');
for (const name of ['permission', 'show', 'submit', 'success', 'error', 'dismiss'] as const) {
  document.addEventListener(`push-sms-fallback-${name}`, (event) => {
    const { detail } = event as CustomEvent<unknown>;
    show(events, `${new Date().toLocaleTimeString()} ${event.type} ${JSON.stringify(detail)}`);
  });
}
const state = $('#state');
new MutationObserver(() => {
  const now = element.getAttribute('state') ?? '';
  state.textContent = now;
  hint.textContent = HINTS[now] ?? '';
}).observe(element, {
  attributes: true,
  attributeFilter: ['state'],
});

window.addEventListener('onesignal-simulator-change', (event) => {
  const { calls, state } = event.detail;
  $('#sdk').textContent = JSON.stringify(
    {
      permission: state.permission,
      subscribed: state.subscriptionId != null,
      onesignalId: state.onesignalId,
      externalId: state.externalId,
      tags: state.tags,
      'init calls': calls.init,
      'addTag calls': calls.addTag,
      'login calls': calls.login,
      'tag writes sent to OneSignal': calls.sentTagWrites.length,
    },
    null,
    2,
  );
});

async function poll(): Promise<void> {
  const log = (await (await fetch('/demo/log')).json()) as {
    backend: LogEntry[];
    rest: LogEntry[];
    consent: unknown[];
    fault: Fault;
  };
  showFault(log.fault);
  $('#consent-record').textContent = JSON.stringify(log.consent.at(-1) ?? null, null, 2);
  for (const [id, entries] of [
    ['#backend', log.backend],
    ['#rest', log.rest],
  ] as const) {
    const list = $(id);
    list.replaceChildren();
    for (const entry of entries) {
      show(
        list,
        `${entry.at} ${entry.method} ${entry.path} → ${entry.status ?? '…'}\n${JSON.stringify(entry.body, null, 2)}`,
      );
    }
  }
}
void poll();
setInterval(() => void poll(), 1000);

showAnalytics($('#analytics'), $('#identify'));
await import('/dist/push-sms-fallback.js' as string);
