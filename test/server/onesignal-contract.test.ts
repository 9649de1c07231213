// Every request we send to OneSignal, over real HTTP to a served simulator, checked against
// the project's schema of the endpoints it calls and, where it sits beside the clone, OneSignal's
// OpenAPI spec.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/server/index.js';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, must, onCleanup, post, registration, startHarness } from './helpers.js';
import { CHECKS, capturingFetch, outboundProblems, type CapturedRequest } from './openapi.js';

beforeAll(() => console.info(`OneSignal requests are checked against ${CHECKS}.`));
afterEach(cleanup);

async function servedSimulator() {
  const sim = createOneSignalSimulator();
  const served = await sim.listen();
  onCleanup(() => served.close());
  return { sim, served };
}

describe('outbound OneSignal requests', () => {
  it('validate against the spec and our rules in every flow', async () => {
    const { sim, served } = await servedSimulator();
    const sent: CapturedRequest[] = [];
    const wire = capturingFetch((i, init) => fetch(i, init), sent);
    const common = { fetch: wire, apiBaseUrl: served.url };

    // Anonymous registration with a welcome text.
    const anon = await startHarness(
      { ...common, welcomeMessage: 'Shop: you are in. Reply STOP to cancel.' },
      {},
      sim,
    );
    expect((await post(anon.url, registration())).status).toBe(201);
    // Signed-in visitor whose number already sits on an anonymous user: 409, then the fallback.
    sim.seedUser({ identity: { external_id: 'customer-9' } });
    const signedIn = await startHarness(
      { ...common, resolveExternalId: () => 'customer-9' },
      {},
      sim,
    );
    expect((await post(signedIn.url, registration())).status).toBe(200);
    // The notifier, both channels.
    sim.seedUser({
      identity: { external_id: 'customer-push' },
      subscriptions: [{ type: 'ChromePush' }],
    });
    const notifier = createNotifier({
      appId: sim.appId,
      apiKey: sim.apiKey,
      ...common,
      logger: false,
    });
    await notifier.sendWithFallback({
      externalId: 'customer-push',
      contents: 'Your coffee is ready',
      headings: 'Order',
    });
    await notifier.sendWithFallback({ externalId: 'customer-9', contents: 'Your coffee is ready' });

    const operations = sent.map(
      (r) =>
        `${r.method} ${new URL(r.url).pathname.replace(sim.appId, '{app}').replace(/[0-9a-f]{64}/, '{alias}')}`,
    );
    expect(operations).toEqual([
      // A new anonymous number costs no look-up (the local opt-out list is checked instead).
      'POST /apps/{app}/users',
      'POST /notifications',
      // A signed-in visitor's own user is looked up first: the upsert would re-enable a STOP.
      'GET /apps/{app}/users/by/external_id/customer-9',
      'POST /apps/{app}/users',
      'POST /apps/{app}/users/by/external_id/customer-9/subscriptions',
      'PATCH /apps/{app}/users/by/external_id/customer-9',
      'POST /notifications',
      'POST /notifications',
      'POST /notifications',
    ]);
    expect(sim.requests.map((r) => r.status)).toEqual([
      201, 200, 200, 409, 202, 202, 200, 200, 200,
    ]);
    for (const request of sent) {
      expect(
        outboundProblems(request, { apiKey: sim.apiKey, appId: sim.appId }),
        `${request.method} ${request.url}`,
      ).toEqual([]);
    }
    // The number moved to the signed-in user, with the tag written there.
    const customer = must(sim.state().users.find((u) => u.identity.external_id === 'customer-9'));
    expect(customer.subscriptions.map((s) => s.token)).toEqual(['+447400123456']);
    expect(customer.properties.tags).toEqual({ subscribed_to_push: 'false' });
  });

  it('catch what the spec alone lets through', () => {
    const expected = { apiKey: 'k', appId: '00000000-0000-4000-8000-000000000000' };
    const base = {
      method: 'POST',
      url: `https://api.onesignal.com/apps/${expected.appId}/users`,
      headers: { authorization: 'Key k', 'content-type': 'application/json' },
    };
    const good = {
      identity: { psf_phone: 'ab12' },
      properties: { tags: { subscribed_to_push: 'false' } },
      subscriptions: [{ type: 'SMS', token: '+447400123456', enabled: true }],
    };
    expect(outboundProblems({ ...base, body: good }, expected)).toEqual([]);
    const cases: [string, object, Record<string, string>?][] = [
      [
        'lower-case sms',
        { ...good, subscriptions: [{ type: 'sms', token: '+447400123456', enabled: true }] },
      ],
      [
        'national token',
        { ...good, subscriptions: [{ type: 'SMS', token: '07400123456', enabled: true }] },
      ],
      ['numeric tag', { ...good, properties: { tags: { subscribed_to_push: false } } }],
      ['phone as alias', { ...good, identity: { external_id: '+447400123456' } }],
      ['bearer auth', good, { authorization: 'Bearer k' }],
    ];
    for (const [name, body, headers] of cases) {
      const problems = outboundProblems(
        { ...base, headers: { ...base.headers, ...headers }, body },
        expected,
      );
      expect(problems, name).not.toEqual([]);
    }
    expect(
      outboundProblems(
        { ...base, url: 'https://api.onesignal.com/players', body: good },
        expected,
      )[0],
    ).toContain('not an operation');
  });
});
