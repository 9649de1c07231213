// The program on Redis (REDIS_URL): /readyz answers 503 when Redis stalls, 200 once it is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, onCleanup } from './helpers.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { requireBuild, serviceEnv, startService, tempDir } from './service-process.js';

let redis: RedisServer;
beforeAll(async () => {
  requireBuild();
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());
afterEach(cleanup);

describe('push-sms-fallback serve on Redis', () => {
  it('/readyz is 503 while Redis stalls, 200 before and after', async () => {
    const served = await createOneSignalSimulator().listen();
    onCleanup(() => served.close());
    const service = await startService(
      serviceEnv(served.url, { REDIS_URL: redis.url, PSF_DATA_DIR: tempDir() }),
    );
    const ready = async () => (await fetch(`${service.url}/readyz`)).status;
    expect(await ready()).toBe(200);
    redis.process.kill('SIGSTOP');
    try {
      expect(await ready()).toBe(503);
    } finally {
      redis.process.kill('SIGCONT');
    }
    expect(await ready()).toBe(200);
    expect(await service.stop()).toBe(0);
  });
});
