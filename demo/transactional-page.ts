// The "send a transactional message" panel in the page: sends, shows the push as the visitor's
// browser would, and lets the visitor's display or click reach the webhook endpoint the way
// OneSignal's service worker posts it (cors: false: a no-cors POST with a JSON string body).
import type {} from './simulators/onesignal-page-sdk.types.js';
import type { TransactionalState, VisitorPush } from './transactional.js';
import { visitorId } from './visitor.js';

visitorId(); // the panel's routes answer for the visitor on screen
const panel = document.querySelector<HTMLElement>('#transactional');
// The panel's routes exist only while OneSignal is simulated (no real texts from a demo).
if (panel && (await fetch('/demo/transactional/state')).ok) setUp(panel);
else panel?.setAttribute('hidden', '');

/** What became of a send, for this visitor. */
const OUTCOMES: Record<string, string> = {
  push: 'Sent by push to this visitor’s browser (below). Not seen within 20 s: by SMS, if they registered a number.',
  sms: 'This visitor has no push: sent by SMS to the number they registered.',
  none: 'Nothing sent: this visitor has no push and registered no number. Grant push, or deny it and register a number.',
};

function setUp(root: HTMLElement): void {
  const find = <T extends HTMLElement>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`transactional panel lacks ${selector}`);
    return found;
  };
  const send = find<HTMLButtonElement>('[data-send]');
  const webhook = find<HTMLInputElement>('[data-display-webhook]');
  const pushes = find('[data-pushes]');
  const sent = find('[data-sent]');
  const decisions = find('[data-decisions]');
  const outcome = find('[data-outcome]');

  /** The visitor's browser as the page's OneSignal knows it: a push token, and push on or off. */
  const push = (): VisitorPush | null => {
    const state = window.OneSignalSimulator?.state;
    if (!state?.token) return null;
    return {
      token: state.token,
      subscribed: state.permission === 'granted' && state.subscriptionId != null,
    };
  };

  const postEvent = (event: string, notificationId: string) =>
    fetch('/api/push-events', {
      method: 'POST',
      mode: 'no-cors',
      body: JSON.stringify({ event, notificationId, heading: 'Acme Coffee' }),
    });

  function showPush(notificationId: string, text: string, dueAt: number): void {
    const card = document.createElement('div');
    card.className = 'simulated-push';
    card.setAttribute('role', 'group');
    card.setAttribute('aria-label', 'Simulated push notification');
    const title = document.createElement('strong');
    title.textContent = 'Acme Coffee';
    const body = document.createElement('p');
    body.textContent = text; // Server text: rendered as text only.
    const countdown = document.createElement('p');
    countdown.className = 'small';
    const open = document.createElement('button');
    open.textContent = 'Click the notification';
    open.addEventListener('click', () => {
      void postEvent('notification.clicked', notificationId);
      open.disabled = true;
      countdown.textContent = 'Clicked: the SMS will not be sent.';
    });
    card.append(title, body, open, countdown);
    pushes.prepend(card);
    const tick = setInterval(() => {
      const left = Math.ceil((dueAt - Date.now()) / 1000);
      if (open.disabled) return clearInterval(tick);
      if (left <= 0) {
        clearInterval(tick);
        open.disabled = true;
        countdown.textContent = 'Window over: see the decision below.';
      } else countdown.textContent = `SMS in ${left} s unless seen.`;
    }, 250);
    if (webhook.checked) void postEvent('notification.willDisplay', notificationId);
  }

  send.addEventListener('click', async () => {
    send.disabled = true;
    outcome.textContent = '';
    try {
      const res = await fetch('/demo/transactional/send', {
        method: 'POST',
        body: JSON.stringify({ push: push() }),
      });
      const result = (await res.json()) as {
        channel: string;
        notificationId: string | null;
        dueAt: number;
        error?: string;
      };
      outcome.textContent = res.ok
        ? (OUTCOMES[result.channel] ?? '')
        : `The sandbox could not send: ${result.error ?? res.status}`;
      if (result.channel === 'push' && result.notificationId) {
        const state = (await (
          await fetch('/demo/transactional/state')
        ).json()) as TransactionalState;
        const text = state.sent.find((s) => s.id === result.notificationId)?.text ?? '';
        showPush(result.notificationId, text, result.dueAt);
      }
    } finally {
      send.disabled = false;
    }
  });

  const render = (list: HTMLElement, lines: string[]) =>
    list.replaceChildren(
      ...lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );

  setInterval(async () => {
    const state = (await (await fetch('/demo/transactional/state')).json()) as TransactionalState;
    render(
      sent,
      state.sent.map((s) => `${s.channel.toUpperCase()}: ${s.text}`),
    );
    render(
      decisions,
      state.reports.map(
        (r) =>
          `${r.idempotencyKey}: ${r.decision}, by ${r.evidence.source}` +
          (r.evidence.events.length ? ` (webhook: ${r.evidence.events.join(', ')})` : ''),
      ),
    );
  }, 1000);
}
