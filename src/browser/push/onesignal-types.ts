/** The slice of OneSignal's page SDK (v16) the adapter touches, and the page globals around it. */
import type { PushPermission } from '../../wire/contract.js';

interface Events {
  addEventListener(name: string, fn: (payload: never) => void): void;
  removeEventListener(name: string, fn: (payload: never) => void): void;
}
/** Always read through `window.OneSignal`: init replaces the namespaces. */
export interface Sdk {
  config?: unknown;
  init(options: { appId: string }): Promise<void>;
  Notifications?: Events & { permissionNative?: PushPermission };
  Slidedown?: Events;
  User?: Events & {
    onesignalId?: string;
    externalId?: string;
    getTags(): Record<string, string>;
    addTag(key: string, value: string): void;
    PushSubscription: Events & { id?: string | null; optedIn?: boolean };
  };
}
export interface Deferred {
  push(callback: (sdk: Sdk) => unknown): unknown;
}
export type OneSignalPage = Window & {
  Notification?: typeof Notification;
  OneSignal?: Sdk;
  OneSignalDeferred?: Deferred;
  _oneSignalInitOptions?: unknown;
  /** Set once any copy of this package has injected the SDK (never twice per page): the App ID it initialises. */
  __pushSmsFallbackOneSignal?: string | 1;
};
