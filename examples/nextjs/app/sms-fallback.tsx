'use client';

import { useState } from 'react';
// Registers <push-sms-fallback> in the browser; on the server the import defines nothing and
// touches no browser global, so it is safe in a client component that Next.js prerenders.
import 'push-sms-fallback';
// React 19 JSX types for the plain element: its attributes and `onpush-sms-fallback-*` events
// (types only: `import type` leaves nothing for the bundler).
import type {} from 'push-sms-fallback/jsx';

export function SmsFallback() {
  const [registered, setRegistered] = useState<string | null>(null);
  const [lastEvent, setLastEvent] = useState('');

  // React 19 renders custom elements itself: attributes as written (they are in the server HTML
  // too), and `on` + the exact event name adds a listener.
  return (
    <div data-last-event={lastEvent}>
      {registered ? <p role="status">Texts will go to {registered}.</p> : null}
      <push-sms-fallback
        app-id={process.env.NEXT_PUBLIC_ONESIGNAL_APP_ID}
        endpoint="/api/sms-subscribe"
        program-name="Example Coffee"
        terms-url="/terms"
        privacy-url="/privacy"
        show-when="declined"
        reserve-space
        onpush-sms-fallback-show={(event) => setLastEvent(`${event.type}:${event.detail.reason}`)}
        onpush-sms-fallback-success={(event) => {
          setLastEvent(event.type);
          setRegistered(event.detail.phone);
        }}
      />
    </div>
  );
}
