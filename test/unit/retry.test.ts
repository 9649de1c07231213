import { describe, expect, test } from 'vitest';
import { backoff, classify, requeueDelay, retryAfter } from '../../src/browser/submission/retry.js';

describe('classify', () => {
  test.each([
    [200, 'done'],
    [201, 'done'],
    [202, 'done'],
    [400, 'permanent'],
    [403, 'permanent'],
    // An opted-out number (contract section 6): final, the visitor texts START first.
    [409, 'permanent'],
    [422, 'permanent'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('%i is %s', (status, verdict) => expect(classify(status)).toBe(verdict));
});

describe('backoff', () => {
  test('doubles with each attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3].map((n) => backoff(n, middle))).toEqual([1000, 2000, 4000]);
  });

  test('jitter spreads visitors between half and one and a half times the step', () => {
    expect(backoff(2, () => 0)).toBe(1000);
    expect(backoff(2, () => 0.999)).toBe(2998);
  });
});

describe('retryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  test('reads delta-seconds and HTTP dates', () => {
    expect(retryAfter('3', now)).toBe(3000);
    expect(retryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
  });
  test('ignores what it cannot read, and dates in the past mean now', () => {
    expect(retryAfter(null, now)).toBeUndefined();
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
});

describe('requeueDelay: a queued submission, while the page stays open', () => {
  const middle = () => 0.5;
  test('is tried again after 5 s, then twice as long each round, up to 5 minutes', () => {
    expect([1, 2, 3, 4].map((n) => requeueDelay(n, 0, middle))).toEqual([
      5000, 10000, 20000, 40000,
    ]);
    expect(requeueDelay(12, 0, middle)).toBe(300_000);
  });

  test('with jitter, and never sooner than the server asked', () => {
    expect(requeueDelay(1, 0, () => 0)).toBe(2500);
    expect(requeueDelay(1, 0, () => 0.999)).toBe(7495);
    expect(requeueDelay(1, 60_000, middle)).toBe(60_000);
  });
});
