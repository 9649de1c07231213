// The simulator's OneSignal prompts and the SDK's own holds, as the v16 source has them: the push
// slidedown (promptPush awaits init), its Cancel and the dismissal OneSignal stores, a consent
// requirement holding init, and IndexedDB failing. See shared/reference/onesignal-web-sdk.md.
import { expect } from '@open-wc/testing';
import type { DeferredCallback } from '../../demo/simulators/onesignal-page-sdk.types.js';
import {
  blockIndexedDb,
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

describe('OneSignal simulator: the push slidedown’s Cancel [needs push]', () => {
  it('emits slidedownCancelClick then slidedownClosed, stores the dismissal for 3, then 7 days, and stays quiet meanwhile unless forced', async () => {
    const os = await loadSimulator();
    await os.init({ appId: APP_ID });
    const events: string[] = [];
    for (const name of ['slidedownShown', 'slidedownCancelClick', 'slidedownClosed'])
      os.Slidedown.addEventListener(name, () => void events.push(name));
    const stored = () =>
      JSON.parse(localStorage.getItem('onesignal-notification-prompt') ?? 'null') as {
        value: string;
        timestamp: number;
      } | null;
    const days = () => Math.round((stored()!.timestamp - Date.now()) / 864e5);

    await os.Slidedown.promptPush();
    simulator().slidedownCancel();
    await until(() => events.length === 3, 'the events');
    expect(events).to.deep.equal(['slidedownShown', 'slidedownCancelClick', 'slidedownClosed']);
    expect(stored()!.value).to.equal('"dismissed"');
    expect(days()).to.equal(3);
    expect(os.Notifications.permissionNative).to.equal('default');

    await os.Slidedown.promptPush();
    await sleep(50);
    expect(simulator().slidedown, 'while dismissed').to.equal(false);

    await os.Slidedown.promptPush({ force: true });
    expect(simulator().slidedown, 'forced').to.equal(true);
    simulator().slidedownCancel();
    expect(days()).to.equal(7);
  });
});

describe('OneSignal simulator: IndexedDB refused [needs push]', () => {
  it('init logs "IndexedDB unavailable" and resolves with the config set, but never becomes ready', async () => {
    const restore = blockIndexedDb();
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
    try {
      const os = await loadSimulator();
      await os.init({ appId: APP_ID });
      expect(os.config?.appId).to.equal(APP_ID);
      await sleep(100);
      expect(os.Notifications.permissionNative).to.equal(undefined);
      expect(errors.join('\n')).to.contain(
        'IndexedDB unavailable, close & reopen the page to retry init',
      );
    } finally {
      console.error = original;
      restore();
    }
  });
});

describe('OneSignal simulator: requiresUserPrivacyConsent [needs push]', () => {
  it('init resolves ready but holds the session until setConsentGiven(true); User calls are ignored meanwhile', async () => {
    const os = await loadSimulator({ permission: 'granted' });
    let initialized = false;
    os.Notifications.addEventListener('initialize', () => void (initialized = true));
    await os.init({ appId: APP_ID, requiresUserPrivacyConsent: true });
    expect(os.Notifications.permissionNative).to.equal('granted');
    expect(await os.Notifications.requestPermission()).to.equal(false);
    os.User.addTag('k', 'v');
    expect(os.User.getTags()).to.deep.equal({});
    await sleep(400);
    expect(initialized, 'session init').to.equal(false);
    expect(os.User.PushSubscription.id).to.equal(undefined);
    await os.setConsentGiven(true);
    expect(initialized).to.equal(true);
    expect(os.User.PushSubscription.id).to.be.a('string');
  });
});
