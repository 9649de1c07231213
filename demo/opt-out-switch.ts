/**
 * The demo's switch for the opted-out path: `POST /demo/text?phone=+447400123456&body=STOP`
 * has that phone text STOP (or START) to the simulated sender. The simulator syncs STOP across
 * senders, so the next registration of the number gets the 409 the element shows.
 */
import type { ServerResponse } from 'node:http';
import type { OneSignalSimulator } from './simulators/onesignal-rest.js';

export function textFromPhoneRoute(
  sim: OneSignalSimulator | null,
  method: string | undefined,
  url: URL,
  res: ServerResponse,
): boolean {
  if (url.pathname !== '/demo/text') return false;
  const phone = url.searchParams.get('phone') ?? '';
  const body = url.searchParams.get('body') ?? '';
  if (!sim || method !== 'POST' || !/^\+[1-9]\d{6,14}$/.test(phone)) {
    res.writeHead(sim ? 400 : 404, { 'content-type': 'text/plain' });
    res.end(sim ? 'POST /demo/text?phone=<E.164>&body=STOP|START' : 'Only with the REST simulator');
    return true;
  }
  sim.textFromPhone(phone, body);
  res.writeHead(204).end();
  return true;
}
