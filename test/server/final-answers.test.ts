// OneSignal answers that no retry can change end the submission: a final 4xx the element shows
// instead of retrying, replayed for the same key without another consent record or call.
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanup,
  CREATE_USER,
  post,
  problemOf,
  registration,
  startHarness,
  writes,
} from './helpers.js';

afterEach(cleanup);

describe('final OneSignal refusals', () => {
  it('a wrong app id (404 on create user): 424 final, one clear log line, replayed', async () => {
    const { url, sim, consent, logger } = await startHarness({
      appId: '9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
    });
    const body = registration();
    const res = await post(url, body);
    expect(res.status).toBe(424);
    expect(await problemOf(res)).toMatchObject({
      type: 'urn:push-sms-fallback:problem/upstream-refused',
      detail: 'Text messages cannot be set up right now.',
    });
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('check appId');

    const again = await post(url, body);
    expect(again.status).toBe(424);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
    expect(consent.records).toHaveLength(1);
  });

  it('a rejected API key (401): 500 /server-misconfigured, which the element treats as final', async () => {
    const { url, logger } = await startHarness({ apiKey: 'rotated-and-not-updated-key' });
    const res = await post(url, registration());
    expect(res.status).toBe(500);
    expect(await problemOf(res)).toMatchObject({
      type: 'urn:push-sms-fallback:problem/server-misconfigured',
    });
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors[0]?.message).toContain('check appId and apiKey');
  });

  it('a 409 for an anonymous visitor: 424 final, not retried, replayed', async () => {
    const { url, sim, consent, logger } = await startHarness();
    sim.inject({ kind: 'status', status: 409 }, { times: 5, path: CREATE_USER });
    const body = registration();
    expect((await post(url, body)).status).toBe(424);
    expect(logger.lines.filter((l) => l.level === 'error')[0]?.message).toContain('conflict');
    const again = await post(url, body);
    expect(again.status).toBe(424);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(sim)).toHaveLength(1);
    expect(consent.records).toHaveLength(1);
  });
});
