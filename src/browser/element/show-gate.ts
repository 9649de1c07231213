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

export interface ShowGate {
  /** What to show, why, and whether that needs the form; `shown` is what shows now. */
  decide(push: PushDecision, flow: Lifecycle['flow'], shown: State): Decision;
  /** `open()`: the form whatever push says, and the page is asked again even if it said no. */
  request(): void;
  /** This device registered a number, or the visitor closed the form (hidden for `days`; the request is over). */
  remember(what: 'registered' | 'dismissed', days?: number): void;
}

/**
 * Whether the form shows: what push decided, what this device remembers (registered,
 * dismissed), the page's request through `open()`, and the page's say through the cancelable
 * show event, asked once per reason. (Closures rather than a class: a visitor downloads this,
 * and the minifier can shorten only local names.)
 */
export function showGate(host: HTMLElement & { readonly hint: string | undefined }): ShowGate {
  /** The page asked for the form and the visitor has not closed it since. */
  let requested = false;
  let vetoed: ShowReason | undefined;

  const mayShow = (reason: ShowReason = 'unavailable'): boolean => {
    if (reason === vetoed) return false;
    const { hint } = host;
    if (host.dispatchEvent(new PushSmsFallbackShowEvent(hint ? { reason, hint } : { reason })))
      return true;
    vetoed = reason;
    return false;
  };

  const decide = (push: PushDecision, flow: Lifecycle['flow'], shown: State): Decision => {
    const reason = requested ? 'requested' : push.reason;
    const registered = readItem(REGISTERED_KEY) != null;
    const state = decideState(push, { flow, requested, registered, dismissed: isDismissed() });
    if (state === 'form' && shown !== 'form' && !mayShow(reason)) {
      if (!requested) return { state: 'waiting', reason, withForm: false };
      // The page keeps the requested form hidden: back to what push says.
      requested = false;
      return decide(push, flow, shown);
    }
    // A visitor who registered before and asks for the form again sees the done message in it.
    const withForm =
      state === 'form' ||
      state === 'sending' ||
      state === 'queued' ||
      (state === 'done' && requested);
    return { state, reason, withForm };
  };

  return {
    decide,
    request() {
      requested = true;
      if (vetoed === 'requested') vetoed = undefined;
    },
    remember(what, days = 0) {
      if (what === 'registered') return writeItem(REGISTERED_KEY, new Date().toISOString());
      requested = false;
      rememberDismissal(days);
    },
  };
}
