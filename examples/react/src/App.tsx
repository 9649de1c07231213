import { useState } from 'react';
// The React 18 wrapper: registers <push-sms-fallback> and maps its events to on* props.
import { PushSmsFallback } from 'push-sms-fallback/react';
import type {
  PushSmsFallbackShowEvent,
  PushSmsFallbackSuccessEvent,
} from 'push-sms-fallback/react';

// The app id is a placeholder and sdkSrc points at nothing, as if an ad blocker stopped the
// OneSignal SDK: the element shows the SMS form at once. The endpoint is answered by the test
// runner's scripted mock, or by the reference handler in scripts/serve-example.ts.
const APP_ID = '00000000-0000-4000-8000-000000000000';

export function App() {
  const [lastEvent, setLastEvent] = useState('');
  const [showReason, setShowReason] = useState('');
  const [registered, setRegistered] = useState('');

  const onShow = (event: PushSmsFallbackShowEvent) => {
    setLastEvent(event.type);
    setShowReason(event.detail.reason);
  };
  const onSuccess = (event: PushSmsFallbackSuccessEvent) => {
    setLastEvent(event.type);
    setRegistered(event.detail.phone);
  };

  return (
    <main
      id="example"
      data-framework="react"
      data-last-event={lastEvent}
      data-show-reason={showReason}
    >
      <h1>React 18 {registered ? `— ${registered} registered` : ''}</h1>
      <PushSmsFallback
        appId={APP_ID}
        sdkSrc="/blocked.js"
        endpoint="/mock/example-react?script=201"
        programName="Example Coffee"
        termsUrl="/terms"
        privacyUrl="/privacy"
        countries={['US', 'CA']}
        onShow={onShow}
        onSuccess={onSuccess}
      />
    </main>
  );
}
