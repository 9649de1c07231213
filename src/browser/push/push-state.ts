import type { ShowReason } from '../../wire/contract.js';
import type { PushFacts } from './onesignal.js';

/** The element's states, reflected to its `state` attribute (contract section 1). */
export type State =
  'loading' | 'push' | 'waiting' | 'form' | 'sending' | 'queued' | 'done' | 'dismissed';

export type ShowWhen = 'declined' | 'not-subscribed';

export interface PushDecision {
  state: 'loading' | 'push' | 'waiting' | 'form';
  reason?: ShowReason;
}

/**
 * What push alone says about this visitor. Pure: facts in, decision out.
 * A native `denied` needs no SDK to be certain, so it shows the form without waiting; a push
 * subscription the browser holds, or a prompt the visitor dismissed, needs none either.
 */
export function decidePush(supported: boolean, facts: PushFacts, showWhen: ShowWhen): PushDecision {
  if (!supported) return { state: 'form', reason: 'unsupported' };
  if (facts.subscribed) return { state: 'push' };
  if (facts.permission === 'denied') return { state: 'form', reason: 'denied' };
  if (facts.stalled) return { state: 'form', reason: 'unavailable' };
  // OneSignal's stored note of a dismissed prompt is read before the SDK is ready, seconds sooner.
  if (facts.dismissed && facts.permission === 'default')
    return { state: 'form', reason: 'dismissed' };
  if (facts.sdk === 'loading') return { state: 'loading' };
  // Granted, a push subscription on its way (bounded: `stalled`), whatever the SDK's state.
  if (facts.permission === 'granted') return { state: 'waiting' };
  if (facts.sdk === 'unavailable') return { state: 'form', reason: 'unavailable' };
  if (showWhen === 'not-subscribed') return { state: 'form', reason: 'not-subscribed' };
  return { state: 'waiting' };
}

export interface Lifecycle {
  /** The submission flow of this page view, if any. */
  flow: 'idle' | 'sending' | 'queued';
  /** This device registered a number before (or just now). */
  registered: boolean;
  /** The visitor closed the form within `dismiss-days`. */
  dismissed: boolean;
}

/** The element's state: a submission in flight wins, then push, then what the visitor did before. */
export function decideState(push: PushDecision, life: Lifecycle): State {
  if (life.flow !== 'idle') return life.flow;
  if (push.state === 'push') return 'push';
  if (life.registered) return 'done';
  if (push.state === 'form' && life.dismissed) return 'dismissed';
  return push.state;
}
