// The pure rules of the delivery-window decision and the View-message budget.
import { describe, expect, it } from 'vitest';
import { decideFromState, judgeView } from '../../src/server/delivery/decision.js';
import { takeFromWindow } from '../../src/server/delivery/scheduler.js';

const none = { cancelled: false, events: [] };
const chrome = { successful: 1, failed: 0, errored: 0, converted: 0, received: 0 };
const safari = { successful: 1, failed: 0, errored: 0, converted: 0, received: null };

describe('judgeView', () => {
  it('a push handed to the push service but never confirmed is not seen', () => {
    const view = {
      successful: 1,
      received: 0,
      converted: 0,
      platform_delivery_stats: { chrome_web_push: chrome },
    };
    expect(judgeView({ unless: 'received' }, none, view).seen).toBe(false);
  });

  it('with Chrome and Safari, a confirmed delivery counts; Safari alone needs a click', () => {
    const both = {
      successful: 2,
      received: 1,
      converted: 0,
      platform_delivery_stats: {
        chrome_web_push: { ...chrome, received: 1 },
        safari_web_push: safari,
      },
    };
    const mixed = judgeView({ unless: 'received' }, none, both);
    expect(mixed).toMatchObject({
      seen: true,
      evidence: { received: 1, judgedByClicks: ['safari_web_push'] },
    });
    const only = {
      successful: 1,
      received: 0,
      converted: 0,
      platform_delivery_stats: { safari_web_push: safari },
    };
    expect(judgeView({ unless: 'received' }, none, only)).toMatchObject({
      seen: false,
      evidence: { received: null },
    });
  });

  it('a push that reached no device (all failed) is not seen', () => {
    const failed = {
      successful: 0,
      failed: 1,
      received: 0,
      converted: 0,
      platform_delivery_stats: { chrome_web_push: { ...chrome, successful: 0, failed: 1 } },
    };
    expect(judgeView({ unless: 'received' }, none, failed)).toMatchObject({
      seen: false,
      evidence: { platforms: ['chrome_web_push'] },
    });
  });
});

describe('decideFromState', () => {
  it('cancel wins over events; a display settles received but not clicked', () => {
    expect(
      decideFromState({ unless: 'received' }, { cancelled: true, events: ['clicked'] })?.decision,
    ).toBe('cancelled');
    expect(
      decideFromState({ unless: 'received' }, { cancelled: false, events: ['shown'] })?.decision,
    ).toBe('seen');
    expect(
      decideFromState({ unless: 'clicked' }, { cancelled: false, events: ['shown'] }),
    ).toBeNull();
  });
});

describe('takeFromWindow (View message: 10 in any 10 s)', () => {
  it('grants a burst of 10, then one as each grant leaves the window', () => {
    const times: number[] = [];
    const rule = { limit: 10, windowMs: 10_000 };
    for (let i = 0; i < 10; i++) expect(takeFromWindow(times, 1000 + i, rule).allowed).toBe(true);
    expect(takeFromWindow(times, 1500, rule)).toEqual({ allowed: false, retryAfterMs: 9500 });
    expect(takeFromWindow(times, 11_000, rule).allowed).toBe(true);
    expect(takeFromWindow(times, 11_000, rule).allowed).toBe(false);
  });
});
