/**
 * Every table of the report, in the order it prints them: the phone, parts 1 to 5 and the goals.
 * Parts 1, 3 and 4 are here; part 2's are in browser-tables.ts, the phone's and Lighthouse's in
 * phone-tables.ts, the goals' in goals.ts. render.ts prints them as text or Markdown.
 */
import type { WritesResult } from '../browser/onesignal-writes.js';
import type { SizesResult } from '../bytes/sizes.js';
import type { ServerBenchResult } from '../server/throughput.js';
import { kB } from '../shared/stats.js';
import { clsTable, mainThreadTable, submitTable, timingTable } from './browser-tables.js';
import { goalsTable } from './goals.js';
import { calibrationTable, lighthouseTable } from './phone-tables.js';
import type { Table } from './render.js';
import type { Results } from './results.js';

const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;

// ---- part 1 ------------------------------------------------------------------------------

function sizesTable(s: SizesResult): Table {
  return {
    title: 'Part 1: bytes a visitor downloads (JS + CSS it needs)',
    head: ['download', 'min', 'gzip', 'brotli', 'declined ours/this', 'subscriber ours/this'],
    right: [1, 2, 3, 4, 5],
    rows: s.rows.map((r) => [
      r.kind === 'parts' ? `${r.name} (assembled)` : r.name,
      kB(r.total.min),
      kB(r.total.gzip),
      kB(r.total.brotli),
      r.kind === 'ours' ? '' : ratio(s.ours.declined.gzip, r.total.gzip),
      r.kind === 'ours' ? '' : ratio(s.ours.subscriber.gzip, r.total.gzip),
    ]),
    notes: [
      ...s.rows
        .filter((r) => r.css)
        .map((r) => `${r.name}: JS ${kB(r.js.gzip)} + CSS ${kB(r.css!.gzip)} gzip (${r.source}).`),
      `Flag sprites intl-tel-input's CSS also loads, not counted above: ${s.flagImages
        .map((f) => `${f.name} ${kB(f.bytes, 1)}`)
        .join(', ')}.`,
      `Built with esbuild ${s.esbuild} from ${Object.entries(s.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}.`,
      `Ours: form chunk ${kB(s.ours.form.gzip)} gzip; npm entry (Lit external) ${kB(s.ours.npmEntry.gzip)}; classic loader ${kB(s.ours.classicLoader.gzip)}.`,
    ],
  };
}

// ---- part 3 ------------------------------------------------------------------------------

function writesTable(w: WritesResult): Table {
  return {
    title: 'Part 3: OneSignal writes per page view (one browser context per subject)',
    head: [
      'view',
      'ours: state',
      'ours: tag writes',
      'ours: reached OneSignal',
      'ours: init',
      'ours: backend POSTs',
      'sample model: tag writes',
      'sample: reached OneSignal',
      'sample: init',
      'sample: backend POSTs',
    ],
    right: [2, 3, 4, 5, 6, 7, 8, 9],
    rows: w.ours.map((o, i) => {
      const s = w.sample[i]!;
      return [
        o.view,
        o.outcome,
        String(o.tagWrites),
        String(o.sentToOneSignal),
        String(o.init),
        String(o.backendCalls),
        String(s.tagWrites),
        String(s.sentToOneSignal),
        String(s.init),
        String(s.backendCalls),
      ];
    }),
    notes: [
      'Tag writes = addTag + addTags + removeTag calls on the SDK; "reached OneSignal" = writes the simulator sent to its server (an anonymous visitor\'s are queued until a user exists).',
      "The sample is a MODEL of OneSignal's published SMS-fallback sample (sms-fallback-delivery, v15), translated to v16: addTag on every mount while push is off, removeTag while on, and a POST of a hard-coded number to its backend, which sends an SMS.",
      'Ours POSTs to its backend only when the visitor submits the form (no submission here).',
      'A write that reaches OneSignal in a row without an SDK call is a queued write (made while the visitor had no OneSignal user) flushed when the user is created.',
    ],
  };
}

// ---- part 4 ------------------------------------------------------------------------------

function serverTable(r: ServerBenchResult): Table {
  const row = (name: string, l: ServerBenchResult['bare']) => [
    name,
    String(l.requestsPerSecond),
    l.p50Ms.toFixed(2),
    l.p99Ms.toFixed(2),
    String(l.requests),
    String(l.unexpected),
  ];
  return {
    title: `Part 4: server handler on loopback (${r.connections} keep-alive connections, ${r.durationMs} ms each)`,
    head: ['server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'unexpected'],
    right: [1, 2, 3, 4, 5],
    rows: [
      row('bare node:http (201)', r.bare),
      row('toNodeHandler, empty handler', r.fetchFloor),
      row('handler + simulated REST API', r.handler),
    ],
    notes: [
      `Ratio handler / bare: ${r.ratio} (empty Fetch handler / bare: ${r.floorRatio}).`,
      `OneSignal calls: ${r.calls.newRegistrations.oneSignalCalls} for ${r.calls.newRegistrations.requests} new registrations (${(r.calls.newRegistrations.oneSignalCalls / r.calls.newRegistrations.requests).toFixed(2)} per registration), ${r.calls.replays.oneSignalCalls} for ${r.calls.replays.requests} idempotent replays.`,
      'From bench/server/throughput.ts runServerBench(): each server in its own child process, this process generates the load.',
    ],
  };
}

export function allTables(r: Results): Table[] {
  return [
    calibrationTable(r.calibration),
    sizesTable(r.sizes),
    timingTable(r.browser),
    mainThreadTable(r.browser),
    clsTable(r.browser),
    submitTable(r.browser),
    writesTable(r.writes),
    serverTable(r.server),
    lighthouseTable(r.lighthouse),
    goalsTable(r),
  ];
}
