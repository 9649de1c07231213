import type { ShowReason } from '../../wire/contract.js';
import type { State } from '../push/push-state.js';

/** What the analytics chunk needs from the element. The element implements it. */
export interface AnalyticsHost extends HTMLElement {
  /** `segment`, or nothing. */
  readonly identity?: string | undefined;
  /** Space-separated tools: `segment`, `gtm`, `gtag`. */
  readonly analytics?: string | undefined;
  readonly externalId?: string | undefined;
  /** The identity provider's user id, for the registration when there is no `external-id`. */
  linkedId?: string | undefined;
  readonly layout: string;
  readonly locale: string;
  readonly reason: ShowReason | undefined;
  readonly state: State;
  readonly push: { readonly facts: { readonly sdk: string } };
}
