import type { ShowReason } from '../../wire/contract.js';
import type { PushFacts } from '../push/onesignal.js';
import type { State } from '../push/push-state.js';
import type { Strings } from '../locales/strings.js';

/** What the lazily loaded form needs from the element. The element implements it. */
export interface FormHost extends HTMLElement {
  readonly endpoint?: string | undefined;
  readonly tagKey: string;
  readonly externalId?: string | undefined;
  /** The identity provider's user id (`identity`): the registration's external id without `externalId`. */
  readonly linkedId?: string | undefined;
  readonly programName?: string | undefined;
  readonly termsUrl?: string | undefined;
  readonly privacyUrl?: string | undefined;
  readonly messageFrequency?: string | undefined;
  readonly countries?: string[] | undefined;
  readonly defaultCountry?: string | undefined;
  readonly consentMode: 'checkbox' | 'button';
  readonly layout: 'inline' | 'banner';
  readonly strings?: Partial<Strings> | undefined;
  /** The resolved locale of all text. */
  readonly locale: string;
  readonly state: State;
  readonly push: { readonly facts: PushFacts; readonly supported: boolean };
  readonly reason: ShowReason | undefined;
  readonly hint: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Puts the element in `sending`/`queued`, or back to what push decides (`idle`). */
  setFlow(flow: 'idle' | 'sending' | 'queued'): void;
  markRegistered(): void;
  dismiss(): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}
