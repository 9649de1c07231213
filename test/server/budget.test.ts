// Issue 23, item 3: one registration has one time budget, below the element's 15 s timeout,
// whatever it waits on (the site's resolveExternalId, OneSignal and its retries).
import { afterEach, describe, expect, it } from 'vitest';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, CREATE_USER, post, registration, startHarness, writes } from './helpers.js';

afterEach(cleanup);

/** The element gives up on a request after 15 s: an answer must come well before. */
const ELEMENT_TIMEOUT_MS = 15_000;

describe('the registration budget', () => {
  it('answers 503 when resolveExternalId never returns, and registers nothing', async () => {
    const sim = createOneSignalSimulator();
    const { url, logger } = await startHarness(
      { resolveExternalId: () => new Promise<string>(() => undefined), registrationBudgetMs: 1000 },
      {},
      sim,
    );
    const res = await post(url, registration(), {
      signal: AbortSignal.timeout(ELEMENT_TIMEOUT_MS),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(writes(sim)).toHaveLength(0);
    expect(logger.text()).toContain('resolveExternalId');
  }, 20_000);

  it('stops retrying a hanging OneSignal when the budget is spent', async () => {
    const sim = createOneSignalSimulator();
    sim.inject({ kind: 'slow', delayMs: 60_000 }, { times: 10, path: CREATE_USER });
    const { url } = await startHarness(
      { timeoutMs: 1500, maxRetries: 2, registrationBudgetMs: 2000 },
      {},
      sim,
    );
    const res = await post(url, registration(), {
      signal: AbortSignal.timeout(ELEMENT_TIMEOUT_MS),
    });
    expect(res.status).toBe(502);
    // Without the budget: three attempts of 1.5 s each. Within 2 s: the first and a cut-short one.
    expect(sim.requests.filter((r) => CREATE_USER.test(r.path))).toHaveLength(2);
  }, 20_000);
});
