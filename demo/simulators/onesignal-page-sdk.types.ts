/**
 * Types for the OneSignal page SDK simulator (`onesignal-page-sdk.ts`). That file must stay a
 * classic script, so its types live here and it imports them type-only. Tests and the demo
 * import them too. Only the slice of the v16 surface the simulator fakes is described.
 */
import type { PushPermission } from '../../src/wire/contract.js';

export type Listener = (payload: never) => unknown;

export interface SimEmitter {
  addEventListener(name: string, fn: Listener): void;
  removeEventListener(name: string, fn: Listener): void;
}

/** `{ id, token, optedIn }` with undefined fields left out, as the SDK's `change` payload has it. */
export interface PushSubscriptionSnapshot {
  id?: string | null;
  token?: string | null;
  optedIn?: boolean;
}

export interface PushSubscriptionChange {
  previous: PushSubscriptionSnapshot;
  current: PushSubscriptionSnapshot;
}

export interface SimNotifications extends SimEmitter {
  readonly permissionNative: PushPermission | undefined;
  readonly permission: boolean;
  isPushSupported(): boolean;
  requestPermission(): Promise<boolean>;
}

export interface SimPushSubscription extends SimEmitter {
  readonly id: string | null | undefined;
  readonly token: string | null | undefined;
  readonly optedIn: boolean;
  optIn(): Promise<void>;
  optOut(): Promise<void>;
}

export interface SimUser extends SimEmitter {
  readonly onesignalId: string | undefined;
  readonly externalId: string | undefined;
  readonly PushSubscription: SimPushSubscription;
  addTag(key: string, value: string): void;
  addTags(tags: Record<string, string>): void;
  removeTag(key: string): void;
  getTags(): Record<string, string>;
  addSms(sms: string): void;
}

/** `OneSignal.Slidedown`: static, so it exists (and takes listeners) before init. */
export interface SimSlidedown extends SimEmitter {
  promptPush(options?: { force?: boolean }): Promise<void>;
}

export interface SimConfig {
  appId: string | undefined;
  userConfig: Record<string, unknown>;
}

export type DeferredCallback = (oneSignal: SimOneSignal) => unknown;

/** `window.OneSignal` once the es6 stage has run (a function, like the SDK's static class). */
export interface SimOneSignal {
  (): void;
  config: SimConfig | null;
  Notifications: SimNotifications;
  User: SimUser;
  Slidedown: SimSlidedown;
  init(options: { appId?: string; [key: string]: unknown }): Promise<void>;
  push(callback: unknown): unknown;
  /**
   * LoginManager: awaits init; the identity and tag models are replaced at once (a local user, no
   * tags, the external id); then an anonymous real user is identified (same onesignalId, no User
   * `change`), or a user is created, or OneSignal answers 409 and the existing user takes over
   * with its tags: both then fire User `change`.
   */
  login(externalId: string): Promise<void>;
  setConsentGiven(consent: boolean): Promise<void>;
  setConsentRequired(required: boolean): Promise<void>;
}

/** What the simulator keeps in localStorage, like the SDK's IndexedDB. */
export interface SimState {
  permission: PushPermission;
  /** The SDK's push subscription id: set once OneSignal's user create has answered. */
  subscriptionId: string | null;
  /** The browser's push subscription (its endpoint), held from pushManager.subscribe on. */
  token: string | null;
  /** The SDK's service worker registration, once installed: absolute scope and script path. */
  worker: { scope: string; script: string } | null;
  /** The SDK's own opted-in flag (true unless opted out); the `optedIn` getter also needs permission. */
  optedIn: boolean;
  /** A real OneSignal user (null while the visitor is local-only). */
  onesignalId: string | null;
  /** The external id the page logged in with (`OneSignal.login`). */
  externalId?: string | null;
  /** OneSignal's server: the users that have an external id, and their tags. */
  users?: Record<string, { onesignalId: string; tags: Record<string, string> }>;
  /** The SDK's local tag model: what `getTags()` answers. */
  tags: Record<string, string>;
  /** Push prompts dismissed so far (the SDK's `promptDismissCount` option): 3, 7, then 30 days' rest. */
  promptDismissCount?: number;
  /** Tag writes waiting for a real user (`''` deletes a key, as the SDK sends it). */
  queuedTags: Record<string, string>;
}

export type SimAnswer = 'grant' | 'deny' | 'dismiss';

export interface SimCalls {
  init: number;
  addTag: [key: string, value: string][];
  addTags: [tags: Record<string, string>][];
  removeTag: [key: string][];
  addSms: [sms: string][];
  /** Tag writes that reached the simulated OneSignal server. */
  sentTagWrites: { onesignalId: string; tags: Record<string, string> }[];
}

export interface OneSignalSimulator {
  /** Behaviour read from the script URL (see the simulator's header); changeable at run time. */
  config: {
    answer: SimAnswer;
    initDelay: number;
    initHold: number | 'never';
    userCreate: number;
    swFails: boolean;
    subscribeFails: boolean;
    unsupported: boolean;
  };
  readonly calls: SimCalls;
  /** A copy of the persisted model. */
  readonly state: SimState;
  /** The visitor answers a native prompt opened outside our element. */
  grant(): void;
  deny(): void;
  dismiss(): void;
  /** Whether OneSignal's push slidedown is on the page, waiting for a click. */
  readonly slidedown: boolean;
  /** The visitor clicks the slidedown's Allow (then answers the native prompt) or its Cancel ("No thanks"). */
  slidedownAllow(): void;
  slidedownCancel(): void;
  /** The browser's push subscription goes away (expired, site data cleared); permission and the opted-in flag stay. */
  unsubscribe(): void;
  /** OneSignal already has a user with this external id (from another device): a login with it switches to that user. Returns its onesignalId. */
  serverUser(externalId: string, tags?: Record<string, string>): string;
  /** Forget this visitor: the stored state goes back to the script URL's configuration. No SDK events fire; reload to start over as that visitor. */
  reset(): void;
}

export interface SimulatorChangeDetail {
  calls: SimCalls;
  state: SimState;
}

/** The page globals the SDK uses. Not merged into `Window`, so nothing else in the project is typed by the simulator. */
export type SimWindow = Window & {
  OneSignal?: SimOneSignal;
  OneSignalDeferred?: DeferredCallback[] | { push(callback: DeferredCallback): Promise<void> };
  __oneSignalSdkLoadCount?: number;
  safari?: { pushNotification?: unknown };
};

declare global {
  interface Window {
    OneSignalSimulator?: OneSignalSimulator;
  }
  interface WindowEventMap {
    'onesignal-simulator-change': CustomEvent<SimulatorChangeDetail>;
  }
}
