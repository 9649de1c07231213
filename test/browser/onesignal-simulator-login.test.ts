// The OneSignal simulator's `login` must behave like v16's (shared/reference/onesignal-web-sdk.md
// §1.3, §1.5; LoginManager), since identity="segment" is tested against it.
import { expect } from '@open-wc/testing';
import { loadSimulator, resetOneSignalPage, simulator, until } from '../support/onesignal-page.js';

const APP_ID = '00000000-0000-4000-8000-000000000000';

describe('OneSignal simulator: login [needs push]', () => {
  afterEach(resetOneSignalPage);

  it('rejects before init, as the SDK’s missing core does', async () => {
    const OneSignal = await loadSimulator();
    let error: unknown;
    await OneSignal.login('user-42').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect(simulator().state.externalId).to.equal(null);
  });

  it('gives an anonymous local user the external id at once, then a OneSignal user; its tags are lost', async () => {
    const OneSignal = await loadSimulator({ permission: 'denied', tags: 'a:1' });
    await OneSignal.init({ appId: APP_ID });
    const login = OneSignal.login('user-42');
    expect(OneSignal.User.externalId, 'at once').to.equal('user-42');
    await login;
    expect(OneSignal.User.onesignalId).to.match(/^[0-9a-f-]{36}$/);
    expect(OneSignal.User.getTags()).to.deep.equal({});
  });

  it('identifies a push subscriber’s user in place, and does nothing for the same id again', async () => {
    const OneSignal = await loadSimulator({ permission: 'granted', subscribed: 1, tags: 'a:1' });
    await OneSignal.init({ appId: APP_ID });
    const before = OneSignal.User.onesignalId;
    const changes: unknown[] = [];
    OneSignal.User.addEventListener('change', (change) => void changes.push(change));
    await OneSignal.login('user-42');
    // The same user; the tag model was replaced (LoginManager), and an identify fires no change.
    expect(OneSignal.User.onesignalId).to.equal(before);
    expect(OneSignal.User.getTags()).to.deep.equal({});
    await OneSignal.login('user-42');
    expect(changes).to.deep.equal([]);
    expect(simulator().calls.login).to.deep.equal([['user-42'], ['user-42']]);
  });

  it('an external id OneSignal already has (409): the existing user takes over with its tags, then User change', async () => {
    const OneSignal = await loadSimulator({ subscribed: 1, tags: 'subscribed_to_push:true' });
    await OneSignal.init({ appId: APP_ID });
    const existing = simulator().serverUser('shopper-3', { subscribed_to_push: 'false' });
    const changes: unknown[] = [];
    OneSignal.User.addEventListener('change', (change) => void changes.push(change));
    await OneSignal.login('shopper-3');
    expect([OneSignal.User.onesignalId, OneSignal.User.getTags()]).to.deep.equal([
      existing,
      { subscribed_to_push: 'false' },
    ]);
    await until(() => changes.length, 'User change');
    expect(changes).to.deep.equal([
      { current: { onesignalId: existing, externalId: 'shopper-3' } },
    ]);
  });

  it('keeps the external id of an earlier page view (externalId=…)', async () => {
    const OneSignal = await loadSimulator({ permission: 'denied', externalId: 'crm-9' });
    await OneSignal.init({ appId: APP_ID });
    await until(() => OneSignal.User.externalId, 'the external id');
    expect(OneSignal.User.externalId).to.equal('crm-9');
  });
});
