// Neither answers nor logs carry the API key or a full phone number, even when OneSignal's
// own error text contains them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOneSignalSimulator } from '../../demo/simulators/onesignal-rest.js';
import { cleanup, post, registration, startHarness } from './helpers.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

const NUMBER = '7400123456';

describe('privacy', () => {
  it('masks the number and the key everywhere, through the default console logger too', async () => {
    const printed: string[] = [];
    for (const level of ['info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        printed.push(JSON.stringify(args));
      });
    }
    const sim = createOneSignalSimulator();
    // An upstream that echoes the number and the key in its errors.
    let calls = 0;
    const echoing: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) {
        return new Response(
          JSON.stringify({ errors: [`Invalid phone number +44 ${NUMBER} (key ${sim.apiKey})`] }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        );
      }
      if (calls === 2) throw new TypeError(`connect ECONNREFUSED while sending +44${NUMBER}`);
      return sim.fetch(input, init);
    };
    const { url } = await startHarness(
      {
        fetch: echoing,
        logger: undefined,
        maxRetries: 1,
        welcomeMessage: 'Welcome',
      },
      {},
      sim,
    );

    const answers = [
      await post(url, registration()), // 422 from OneSignal's 400
      await post(url, registration()), // network error, then success
      await post(url, registration({ phone: '+442071838750' })), // landline
    ];
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([422, 201, 422]);
    expect(printed.length).toBeGreaterThan(2);
    for (const text of [...bodies, ...printed]) {
      expect(text).not.toContain(NUMBER);
      expect(text).not.toContain('2071838750');
      expect(text).not.toContain(sim.apiKey);
    }
    expect(bodies[1]).toContain('+44••••••••56');
  });
});
