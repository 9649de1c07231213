// What a user gets from the registry: the packed tarball installed alone into an empty folder,
// its `push-sms-fallback` bin started over loopback against the OneSignal REST simulator.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, onCleanup, post, registration } from './helpers.js';
import { installPacked } from './packed-install.js';
import { requireBuild, run, serviceEnv, startService, tempDir } from './service-process.js';

const ROOT = join(import.meta.dirname, '../..');

beforeAll(requireBuild);
afterEach(cleanup);

describe('push-sms-fallback from its tarball', () => {
  it('installs alone, checks its configuration, serves /healthz and a registration', async () => {
    const { app } = await installPacked(ROOT, tempDir());
    const installed = readdirSync(join(app, 'node_modules'));
    // The embedded default needs no optional driver: none of them came along.
    for (const name of ['pg', 'redis', 'bullmq', 'prom-client', 'pino']) {
      expect(installed).not.toContain(name);
    }
    const bin = join(app, 'node_modules/.bin/push-sms-fallback');
    expect(existsSync(bin)).toBe(true);

    const sim = createOneSignalSimulator();
    const served = await sim.listen();
    onCleanup(() => served.close());
    const env = serviceEnv(served.url, { PSF_DATA_DIR: join(app, 'data') });
    const checked = await run(['check'], env, app, bin);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('Configuration OK');

    const service = await startService(env, { bin, cwd: app });
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const created = await post(`${service.url}/api/sms-subscribe`, registration());
    expect(created.status).toBe(201);
    expect(sim.state().subscriptions.some((s) => s.token === '+447400123456')).toBe(true);
    // The element's script comes from the installed package's dist/.
    expect((await fetch(`${service.url}/assets/push-sms-fallback.js`)).status).toBe(200);
    expect(await service.stop()).toBe(0);
  }, 240_000);
});
