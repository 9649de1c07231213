import { SmsFallback } from './sms-fallback';

// A server component: the page is rendered on the server, the element upgrades in the browser.
export default function Page() {
  return (
    <main>
      <h1>Next.js</h1>
      <p>Allow notifications for order updates, or get them by text message.</p>
      <SmsFallback />
    </main>
  );
}
