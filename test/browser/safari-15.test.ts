// Safari 15 and iOS 15 lack APIs newer browsers have. Each test takes them away from the page
// (in every engine, WebKit included) and shows the visitor's number still reaches the backend.
import { expect } from '@open-wc/testing';
import { deliver } from '../../src/submission/deliver.js';
import {
  cleanUp,
  endpoint,
  fillAndSubmit,
  mountForm,
  received,
  stateIs,
} from '../support/element.js';

/** Runs `fn` with `AbortSignal.timeout` gone (Safari and iOS before 16). */
async function withoutAbortSignalTimeout<T>(fn: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout');
  delete (AbortSignal as { timeout?: unknown }).timeout;
  try {
    return await fn();
  } finally {
    if (saved) Object.defineProperty(AbortSignal, 'timeout', saved);
  }
}

describe('Safari 15 and iOS 15', () => {
  afterEach(cleanUp);

  it('delivers the number where AbortSignal.timeout is missing', async () => {
    const { id, url } = endpoint('201');
    await withoutAbortSignalTimeout(async () => {
      const { el } = mountForm({ endpoint: url, 'default-country': 'US' });
      await fillAndSubmit(el, { phone: '(202) 555-0148' });
      await stateIs(el, 'done');
    });
    expect((await received(id)).map((r) => r.body.phone)).to.deep.equal(['+12025550148']);
  });

  it('still gives up on a backend that outlives the deadline, without AbortSignal.timeout', async () => {
    const { url } = endpoint('201:d3000');
    const submission = { endpoint: url, body: { idempotencyKey: crypto.randomUUID() } };
    const started = performance.now();
    const outcome = await withoutAbortSignalTimeout(() =>
      deliver(submission as Parameters<typeof deliver>[0], { attempts: 1, timeoutMs: 200 }),
    );
    expect(outcome).to.deep.equal({ kind: 'unreachable', code: 'timeout' });
    expect(performance.now() - started).to.be.below(3000);
  });
});
