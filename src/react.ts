// The React 18 entry, `push-sms-fallback/react`: importing it registers <push-sms-fallback> and
// gives a component whose props are the element's properties and whose `on*` props are its events.
// React 19 renders custom elements natively, so there the plain element needs no wrapper
// (see `push-sms-fallback/jsx` and docs/frameworks.md).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { defineElement, TAG } from './browser/element/define.js';
import type {
  PushSmsFallbackDismissEvent,
  PushSmsFallbackErrorEvent,
  PushSmsFallbackPermissionEvent,
  PushSmsFallbackShowEvent,
  PushSmsFallbackSubmitEvent,
  PushSmsFallbackSuccessEvent,
} from './browser/element/events.js';
import { PushSmsFallback as PushSmsFallbackElement } from './browser/element/push-sms-fallback.js';

export * from './browser/element/events.js';
export { PushSmsFallbackElement, TAG };

// Registers the element (once per copy of the package, also when `push-sms-fallback` is imported too).
defineElement();

/**
 * `<push-sms-fallback>` for React 18: `<PushSmsFallback appId="…" endpoint="/api/sms-subscribe"
 * onSuccess={(event) => …} />`. Each handler gets the element's typed event.
 */
export const PushSmsFallback = createComponent({
  react: React,
  tagName: TAG,
  elementClass: PushSmsFallbackElement,
  displayName: 'PushSmsFallback',
  events: {
    onPermission: 'push-sms-fallback-permission' as EventName<PushSmsFallbackPermissionEvent>,
    onShow: 'push-sms-fallback-show' as EventName<PushSmsFallbackShowEvent>,
    onSubmit: 'push-sms-fallback-submit' as EventName<PushSmsFallbackSubmitEvent>,
    onSuccess: 'push-sms-fallback-success' as EventName<PushSmsFallbackSuccessEvent>,
    onError: 'push-sms-fallback-error' as EventName<PushSmsFallbackErrorEvent>,
    onDismiss: 'push-sms-fallback-dismiss' as EventName<PushSmsFallbackDismissEvent>,
  },
});

/** The props `<PushSmsFallback>` accepts. */
export type PushSmsFallbackProps = React.ComponentProps<typeof PushSmsFallback>;
