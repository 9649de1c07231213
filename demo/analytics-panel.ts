// The demo's analytics: stand-ins for Segment's analytics.js, GTM and GA4's gtag on the page, and
// a panel that shows every call the element makes to them as it happens.
import { installGtag, loadTagManager, type GoogleTagMessage } from './simulators/google-tags.js';
import { installSnippet, loadLibrary, type SegmentCall } from './simulators/segment-analytics.js';

/** How long after the page the tools arrive, as real tags do: the element meets their queues first. */
const TOOLS_ARRIVE_MS = 800;

export function showAnalytics(log: HTMLElement, identify: HTMLButtonElement): void {
  installSnippet();
  installGtag();
  setTimeout(() => {
    loadLibrary();
    loadTagManager();
  }, TOOLS_ARRIVE_MS);

  const show = (text: string) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${text}`; // data: text only
    log.prepend(item);
  };
  addEventListener('segment-simulator-call', (event) => {
    const { method, args } = (event as CustomEvent<SegmentCall>).detail;
    show(`Segment analytics.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  });
  addEventListener('google-tags-message', (event) => {
    const { kind, data } = (event as CustomEvent<GoogleTagMessage>).detail;
    const text =
      kind === 'gtag'
        ? `gtag(${(data as unknown[]).map((a) => JSON.stringify(a)).join(', ')})`
        : `dataLayer.push(${JSON.stringify(data)})`;
    show(text);
  });

  // A visitor who signs in: the site tells Segment, and the element follows.
  identify.addEventListener('click', () => {
    (window as { analytics?: { identify(id: string): unknown } }).analytics?.identify('user-42');
  });
}
