// The simulator's OneSignal prompts and the SDK's own holds, as the v16 source has them: the push
// slidedown (promptPush awaits init), its Cancel and the dismissal OneSignal stores, a consent
// requirement holding init, and IndexedDB failing. See shared/reference/onesignal-web-sdk.md.
import { expect } from '@open-wc/testing';
import type { DeferredCallback } from '../../demo/simulators/onesignal-page-sdk.types.js';
import {
  loadSimulator,
  page,
  resetOneSignalPage,
  simulator,
  sleep,
  until,
} from '../support/onesignal-page.js';

const APP_ID = '00000000-0000-4000-8000-000000000000';

/** Pushes onto OneSignalDeferred whatever it is right now (an array before load). */
function defer(callback: DeferredCallback): unknown {
  page.OneSignalDeferred ??= [];
  return page.OneSignalDeferred.push(callback);
}

afterEach(resetOneSignalPage);

describe('OneSignal simulator: a queued callback that awaits init [needs push]', () => {
  it('Slidedown.promptPush() queued before load, with no init queued: holds every later callback until init is called directly', async () => {
    const shown: string[] = [];
    let behind = false;
    defer(async (os) => {
      await os.Slidedown.promptPush();
      shown.push('resolved');
    });
    const os = await loadSimulator();
    os.Slidedown.addEventListener('slidedownShown', () => void shown.push('shown'));
    void defer(() => {
      behind = true;
    });
    await sleep(300);
    expect(behind, 'a callback pushed after load').to.equal(false);
    expect(shown).to.deep.equal([]);
    expect(simulator().calls.init).to.equal(0);
    // Called directly, init unblocks the page's callback, and the one behind it then runs.
    await os.init({ appId: APP_ID });
    await until(() => behind, 'the callback behind it');
    expect(shown).to.deep.equal(['shown', 'resolved']);
    expect(simulator().slidedown).to.equal(true);
  });
});
