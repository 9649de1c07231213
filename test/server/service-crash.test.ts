// The embedded default (PSF_DATA_DIR, no Redis): a pending fallback is in the journal before
// the notify API answers, so a SIGKILL of `serve` loses nothing and the fallback is decided
// once after a restart, and not again after the next one.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from './helpers.js';
import {
  NOTIFY_TOKEN,
  notify,
  requireBuild,
  servedSimulator,
  serviceEnv,
  startService,
  tempDir,
  until,
} from './service-process.js';

beforeAll(requireBuild);
afterEach(cleanup);

describe('push-sms-fallback serve after a SIGKILL', () => {
  it('decides a pending fallback once after the restart (journal)', async () => {
    const { sim, url } = await servedSimulator();
    const env = serviceEnv(url, { PSF_DATA_DIR: tempDir() });

    const first = await startService(env);
    const sent = await notify(first.url, {
      externalId: 'chrome',
      contents: 'Your order is ready',
      idempotencyKey: 'order-crash',
      // Long enough that it is still pending when the process dies.
      fallback: { after: 3_000, unless: 'received' },
    });
    expect(await sent.json()).toMatchObject({ channel: 'push', fallback: 'scheduled' });
    expect(await first.stop('SIGKILL')).toBe(null);
    const sms = () => sim.state().notifications.filter((n) => n.channel === 'sms');
    expect(sms()).toHaveLength(0);

    // The dead process's lock is stale: the restart takes the directory over.
    const second = await startService(env);
    expect(second.logs.some((l) => l.msg === 'Pending fallbacks restored' && l.count === 1)).toBe(
      true,
    );
    // The service's own line (the library logs one too, without the key).
    const decided = () =>
      second.logs.filter((l) => l.msg === 'Fallback decided' && 'idempotencyKey' in l);
    await until('the restored fallback to be decided', () => decided().length > 0, 30_000);
    expect(decided()).toHaveLength(1);
    expect(decided()[0]).toMatchObject({ idempotencyKey: 'order-crash', decision: 'sent-sms' });
    expect(sms()).toHaveLength(1);
    expect(await second.stop()).toBe(0);

    // The decision is in the journal: the next start has nothing to restore or send.
    const third = await startService(env);
    expect(third.logs.some((l) => l.msg === 'Pending fallbacks restored')).toBe(false);
    const cancel = await fetch(`${third.url}/api/notify/order-crash`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${NOTIFY_TOKEN}` },
    });
    expect(await cancel.json()).toEqual({ cancelled: false });
    expect(await third.stop()).toBe(0);
    expect(sms()).toHaveLength(1);
  }, 60_000);
});
