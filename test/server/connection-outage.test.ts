// How a client's stream of errors reaches the operator's log (the BullMQ scheduler's Queue and
// Worker): one line per outage, one when it ends, and errors of other kinds each on their own.
import { describe, expect, it } from 'vitest';
import { outageReporter } from '../../src/server/delivery/connection-outage.js';
import { captureLogger } from './helpers.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
  code: 'ECONNREFUSED',
});

describe('outageReporter', () => {
  it('logs each outage once, its end once, and other errors as they come', () => {
    const logger = captureLogger();
    const outage = outageReporter(logger, 'BullMQ: Redis');
    outage.ready(); // connected, nothing to say
    outage.error(new Error('Missing lock for job 7'));
    for (let i = 0; i < 20; i++) outage.error(refused);
    outage.ready();
    outage.ready();
    outage.error(new Error('Connection is closed.'));
    outage.ready();
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      ['warn', 'BullMQ: Redis error'],
      ['warn', 'BullMQ: Redis connection lost; reconnecting'],
      ['info', 'BullMQ: Redis connection back'],
      ['warn', 'BullMQ: Redis connection lost; reconnecting'],
      ['info', 'BullMQ: Redis connection back'],
    ]);
    expect(logger.lines[2]?.fields).toEqual({ errors: 20 });
  });
});
