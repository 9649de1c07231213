import type { ShowReason } from '../../wire/contract.js';
import {
  REGISTERED_KEY,
  isDismissed,
  readItem,
  rememberDismissal,
  writeItem,
} from '../device-memory.js';
import { decideState, type Lifecycle, type PushDecision, type State } from '../push/push-state.js';
import { PushSmsFallbackShowEvent } from './events.js';

export interface Decision {
  state: State;
  reason: ShowReason | undefined;
  /** The state shows the form's box: load the form chunk. */
  withForm: boolean;
}

const FORM_STATES: State[] = ['form', 'sending', 'queued'];

/**
 * Whether the form shows: what push decided, what this device remembers (registered,
 * dismissed), the page's request through `open()`, and the page's say through the cancelable
 * show event, asked once per reason.
 */
export class ShowGate {
  /** The page asked for the form (`open()`) and the visitor has not closed it since. */
  requested = false;
  private vetoed?: ShowReason | undefined;

  constructor(private readonly host: HTMLElement & { readonly hint: string | undefined }) {}

  /** `open()`: the form whatever push says, and the page is asked again even if it said no. */
  request(): void {
    this.requested = true;
    if (this.vetoed === 'requested') this.vetoed = undefined;
  }

  /** This device registered a number, or the visitor closed the form (hidden for `days`; the request is over). */
  remember(what: 'registered' | 'dismissed', days = 0): void {
    if (what === 'registered') return writeItem(REGISTERED_KEY, new Date().toISOString());
    this.requested = false;
    rememberDismissal(days);
  }

  /** What to show, why, and whether that needs the form chunk; `shown` is what shows now. */
  decide(push: PushDecision, flow: Lifecycle['flow'], shown: State): Decision {
    const { requested } = this;
    const reason = requested ? 'requested' : push.reason;
    const life = { flow, requested, registered: readItem(REGISTERED_KEY) != null };
    const state = decideState(push, { ...life, dismissed: isDismissed() });
    if (state === 'form' && shown !== 'form' && !this.mayShow(reason)) {
      if (!requested) return { state: 'waiting', reason, withForm: false };
      // The page keeps the requested form hidden: back to what push says.
      this.requested = false;
      return this.decide(push, flow, shown);
    }
    // A visitor who registered before and asks for the form again sees the done message in it.
    const withForm = FORM_STATES.includes(state) || (state === 'done' && requested);
    return { state, reason, withForm };
  }

  private mayShow(reason: ShowReason = 'unavailable'): boolean {
    if (reason === this.vetoed) return false;
    const { hint } = this.host;
    const detail = hint ? { reason, hint } : { reason };
    if (this.host.dispatchEvent(new PushSmsFallbackShowEvent(detail))) return true;
    this.vetoed = reason;
    return false;
  }
}
