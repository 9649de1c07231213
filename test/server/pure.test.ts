// Pure pieces: token bucket, retry timing, masking, the logger's safety net.
import { describe, expect, it } from 'vitest';
import { ipBucket } from '../../src/server/http/client-ip.js';
import { createMemoryRateLimitStore, maskPhone } from '../../src/server/index.js';
import { safeLogger } from '../../src/server/logger.js';
import { redactText } from '../../src/server/redact.js';
import { backoffDelay, nextDelay, parseRetryAfter } from '../../src/server/onesignal/retry.js';
import { takeToken } from '../../src/server/registration/token-bucket.js';
import { captureLogger } from './helpers.js';

describe('token bucket', () => {
  const rule = { capacity: 3, intervalMs: 3000 };

  it('allows a burst of capacity, then refuses with the time until one token', () => {
    let state;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const r = takeToken(state, rule, 0);
      state = r.state;
      results.push(r.result);
    }
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]?.retryAfterMs).toBe(1000);
    expect(takeToken(state, rule, 999).result.allowed).toBe(false);
    expect(takeToken(state, rule, 1000).result.allowed).toBe(true);
  });

  it('never refills past capacity', () => {
    const { state } = takeToken(undefined, rule, 0);
    const later = takeToken(state, rule, 1_000_000);
    expect(later.result.remaining).toBe(2);
  });

  it('memory store keeps buckets per key and forgets idle ones', async () => {
    let now = 0;
    const store = createMemoryRateLimitStore({ now: () => now, maxKeys: 2 });
    const one = { capacity: 1, intervalMs: 1000 };
    expect((await store.take('a', one)).allowed).toBe(true);
    expect((await store.take('a', one)).allowed).toBe(false);
    expect((await store.take('b', one)).allowed).toBe(true);
    now = 2000;
    expect((await store.take('c', one)).allowed).toBe(true);
    expect((await store.take('a', one)).allowed).toBe(true);
  });
});

describe('retry timing', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffDelay(0, 100, 1000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 1000, () => 1)).toBe(800);
    expect(backoffDelay(5, 100, 1000, () => 1)).toBe(1000);
    expect(backoffDelay(5, 100, 1000, () => 0)).toBe(0);
  });

  it('stops after maxRetries, and for a Retry-After beyond the cap', () => {
    const policy = { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(nextDelay(policy, 0, 500)).toBe(500);
    expect(nextDelay(policy, 0, 5000)).toBeNull();
    expect(nextDelay(policy, 2, undefined)).toBeNull();
  });
});

describe('masking', () => {
  it('keeps the calling code and the last two digits', () => {
    expect(maskPhone('+447400123456', '44')).toBe('+44••••••••56');
    expect(maskPhone('+14155552671', '1')).toBe('+1••••••••71');
    expect(maskPhone('+14155552671')).toBe('+•••••••••71');
  });

  it('masks phone-like runs and secrets in free text', () => {
    expect(
      redactText('Invalid number +44 7400 123456 for key abc123secret', ['abc123secret']),
    ).toBe('Invalid number ••••••••••56 for key [redacted]');
    expect(redactText('attempt 3 of 12')).toBe('attempt 3 of 12');
  });

  it('the logger masks what it is given, whatever the caller passed', () => {
    const target = captureLogger();
    const logger = safeLogger(target, ['the-api-key']);
    logger.error('OneSignal said +447400123456 is bad with the-api-key', {
      errors: [{ title: 'Invalid phone +447400123456' }],
      error: new Error('Key the-api-key rejected'),
    });
    const text = target.text();
    expect(text).not.toContain('7400123456');
    expect(text).not.toContain('the-api-key');
    expect(text).toContain('••56');
  });
});

describe('per-IP buckets', () => {
  it('gives each IPv4 address its own bucket and each IPv6 /64 one', () => {
    expect(ipBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucket('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucket('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:0db8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
