import type { PushPermission, ShowReason } from '../../wire/contract.js';

export interface PermissionDetail {
  supported: boolean;
  permission: PushPermission;
  optedIn: boolean;
  sdk: 'ready' | 'unavailable';
}
export interface ShowDetail {
  reason: ShowReason;
  /** `ios-home-screen` on iOS Safari outside a home-screen app, where push needs an installed app. */
  hint?: string;
}
export interface SubmitDetail {
  /** E.164. */
  phone: string;
  country: string;
}
export interface SuccessDetail {
  phone: string;
  status: number;
  body: unknown;
}
export type ErrorCode =
  'invalid-phone' | 'country-not-allowed' | 'consent-required' | 'http' | 'network' | 'timeout';
export interface ErrorDetail {
  code: ErrorCode;
  status?: number;
  message: string;
  retryable: boolean;
}

// Every event bubbles out of the shadow root so pages and frameworks can listen on any ancestor.
const init = <T>(detail: T, cancelable = false): CustomEventInit<T> => ({
  detail,
  cancelable,
  bubbles: true,
  composed: true,
});

/** Push state first known, and every change of it. */
export class PushSmsFallbackPermissionEvent extends CustomEvent<PermissionDetail> {
  constructor(detail: PermissionDetail) {
    super('push-sms-fallback-permission', init(detail));
  }
}
/** The form is about to be shown. Cancel it to keep the form hidden. */
export class PushSmsFallbackShowEvent extends CustomEvent<ShowDetail> {
  constructor(detail: ShowDetail) {
    super('push-sms-fallback-show', init(detail, true));
  }
}
/** A valid number with consent, before the POST. Cancel it to register the number yourself. */
export class PushSmsFallbackSubmitEvent extends CustomEvent<SubmitDetail> {
  constructor(detail: SubmitDetail) {
    super('push-sms-fallback-submit', init(detail, true));
  }
}
/** The backend accepted the number. */
export class PushSmsFallbackSuccessEvent extends CustomEvent<SuccessDetail> {
  constructor(detail: SuccessDetail) {
    super('push-sms-fallback-success', init(detail));
  }
}
/** Validation, HTTP or network failure. */
export class PushSmsFallbackErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('push-sms-fallback-error', init(detail));
  }
}
/** The visitor closed the form. */
export class PushSmsFallbackDismissEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('push-sms-fallback-dismiss', init({}));
  }
}

declare global {
  interface HTMLElementEventMap {
    'push-sms-fallback-permission': PushSmsFallbackPermissionEvent;
    'push-sms-fallback-show': PushSmsFallbackShowEvent;
    'push-sms-fallback-submit': PushSmsFallbackSubmitEvent;
    'push-sms-fallback-success': PushSmsFallbackSuccessEvent;
    'push-sms-fallback-error': PushSmsFallbackErrorEvent;
    'push-sms-fallback-dismiss': PushSmsFallbackDismissEvent;
  }
}
