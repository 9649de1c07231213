import { describe, expect, test } from 'vitest';
import type { PushFacts } from '../../src/browser/push/onesignal.js';
import { decidePush, decideState, type PushDecision } from '../../src/browser/push/push-state.js';

const facts = (over: Partial<PushFacts> = {}): PushFacts => ({
  sdk: 'ready',
  permission: 'default',
  optedIn: false,
  subscribed: false,
  onesignalId: null,
  dismissed: false,
  stalled: false,
  ...over,
});

describe('decidePush', () => {
  test('a browser without push gets the form at once, whatever the SDK is doing', () => {
    expect(decidePush(false, facts({ sdk: 'loading' }), 'declined')).toEqual({
      state: 'form',
      reason: 'unsupported',
    });
  });

  test('a subscribed visitor sees nothing', () => {
    expect(
      decidePush(true, facts({ permission: 'granted', subscribed: true }), 'declined'),
    ).toEqual({ state: 'push' });
  });

  test('a native denial needs no SDK to be certain', () => {
    expect(decidePush(true, facts({ sdk: 'loading', permission: 'denied' }), 'declined')).toEqual({
      state: 'form',
      reason: 'denied',
    });
  });

  test('while the SDK loads and nothing is certain, the element waits', () => {
    expect(decidePush(true, facts({ sdk: 'loading' }), 'not-subscribed')).toEqual({
      state: 'loading',
    });
  });

  test('an SDK that never arrives (ad blocker, timeout) means push is unavailable', () => {
    expect(decidePush(true, facts({ sdk: 'unavailable' }), 'declined')).toEqual({
      state: 'form',
      reason: 'unavailable',
    });
  });

  test('a dismissed prompt shows the form', () => {
    expect(decidePush(true, facts({ dismissed: true }), 'declined')).toEqual({
      state: 'form',
      reason: 'dismissed',
    });
  });

  test('undecided visitors wait with show-when="declined" and see the form with "not-subscribed"', () => {
    expect(decidePush(true, facts(), 'declined')).toEqual({ state: 'waiting' });
    expect(decidePush(true, facts(), 'not-subscribed')).toEqual({
      state: 'form',
      reason: 'not-subscribed',
    });
  });

  test('granted while the subscription id is still on its way waits, even with "not-subscribed"', () => {
    const granted = facts({ permission: 'granted', optedIn: true });
    expect(decidePush(true, granted, 'declined')).toEqual({ state: 'waiting' });
    expect(decidePush(true, granted, 'not-subscribed')).toEqual({ state: 'waiting' });
  });

  test('granted with the SDK unavailable waits for the browser’s own answer', () => {
    const blocked = facts({ sdk: 'unavailable', permission: 'granted' });
    expect(decidePush(true, blocked, 'declined')).toEqual({ state: 'waiting' });
    expect(decidePush(true, { ...blocked, subscribed: true }, 'declined')).toEqual({
      state: 'push',
    });
  });

  test('granted but no push subscription will come: the form, reason unavailable', () => {
    for (const sdk of ['ready', 'unavailable', 'loading'] as const) {
      const stalled = facts({ sdk, permission: 'granted', stalled: true });
      expect(decidePush(true, stalled, 'declined'), sdk).toEqual({
        state: 'form',
        reason: 'unavailable',
      });
    }
  });
});

describe('decideState', () => {
  const form: PushDecision = { state: 'form', reason: 'denied' };
  const idle = { flow: 'idle', registered: false, dismissed: false } as const;

  test('a submission in flight or queued wins over everything', () => {
    expect(decideState({ state: 'push' }, { ...idle, flow: 'sending' })).toBe('sending');
    expect(decideState(form, { ...idle, flow: 'queued', registered: true })).toBe('queued');
  });

  test('a visitor who later subscribes to push leaves the form', () => {
    expect(decideState({ state: 'push' }, { ...idle, registered: true })).toBe('push');
  });

  test('a registered device is done and never sees the form again', () => {
    expect(decideState(form, { ...idle, registered: true })).toBe('done');
    expect(decideState({ state: 'loading' }, { ...idle, registered: true })).toBe('done');
  });

  test('a dismissal hides the form but does not hide the loading state', () => {
    expect(decideState(form, { ...idle, dismissed: true })).toBe('dismissed');
    expect(decideState({ state: 'waiting' }, { ...idle, dismissed: true })).toBe('waiting');
  });

  test('a requested form shows whatever push says and after a dismissal, but not to a registered device', () => {
    const requested = { ...idle, requested: true };
    expect(decideState({ state: 'push' }, requested)).toBe('form');
    expect(decideState({ state: 'loading' }, { ...requested, dismissed: true })).toBe('form');
    expect(decideState({ state: 'push' }, { ...requested, registered: true })).toBe('done');
    expect(decideState(form, { ...requested, flow: 'sending' })).toBe('sending');
  });
});
