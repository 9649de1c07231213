/**
 * Part 3: OneSignal writes per page view over a scripted visit sequence, for our element and
 * for a model of OneSignal's published SMS-fallback sample (bench/browser/pages/onesignal-sample.ts),
 * both against the same page SDK simulator. Each subject gets one browser context, so
 * localStorage (where the simulator keeps the visitor, like the SDK's IndexedDB) persists
 * between its page views. Not throttled: these are counts, not times.
 *
 *   view 1  first visit, push denied (the simulator is reset)
 *   view 2  second visit, same state
 *   grant   during view 2 the visitor grants push (OneSignalSimulator.grant()); counted apart
 *   view 3  third visit, after granting push
 *   view 4  a repeat of view 3 (steady state of a subscriber)
 */
import type { Browser, Page } from 'playwright-core';
import type { BenchServer } from './bench-server.js';
import type { SimCalls } from '../../demo/simulators/onesignal-page-sdk.types.js';
import type { BenchWindow } from './pages/record.js';

/** Time after the page's own end point in which late writes still count for the view. */
const QUIET_MS = 700;

type Subject = 'ours' | 'sample';

export interface ViewCount {
  view: string;
  /** addTag + addTags + removeTag calls made on the SDK. */
  tagWrites: number;
  /** Tag writes that reached the (simulated) OneSignal server, queued ones flushed included. */
  sentToOneSignal: number;
  init: number;
  /** POSTs to the subject's own backend (ours: the SMS registration; the sample's: it sends an SMS). */
  backendCalls: number;
  /** Our element's `state` at the count. */
  outcome: string;
}

export interface WritesResult {
  ours: ViewCount[];
  sample: ViewCount[];
}

interface Snapshot {
  calls: SimCalls;
  state: string | null;
}

async function snapshot(page: Page): Promise<Snapshot> {
  const taken = await page.evaluate(() => ({
    calls: JSON.parse(JSON.stringify(window.OneSignalSimulator?.calls ?? null)) as SimCalls | null,
    state: document.querySelector('push-sms-fallback')?.getAttribute('state') ?? null,
  }));
  const { calls } = taken;
  // Without the SDK there is nothing to count: say why instead of counting zero writes.
  if (!calls) throw new Error(`the OneSignal simulator never ran (element state ${taken.state})`);
  return { ...taken, calls };
}

function count(view: string, now: Snapshot, backendCalls: number, before?: Snapshot): ViewCount {
  const writes = (c: SimCalls) => c.addTag.length + c.addTags.length + c.removeTag.length;
  const b = before?.calls;
  return {
    view,
    tagWrites: writes(now.calls) - (b ? writes(b) : 0),
    sentToOneSignal: now.calls.sentTagWrites.length - (b ? b.sentTagWrites.length : 0),
    init: now.calls.init - (b ? b.init : 0),
    backendCalls,
    outcome: now.state ?? 'no element',
  };
}

async function visit(page: Page, server: BenchServer, subject: Subject, reset: boolean) {
  // Counts, not times: the simulated SDK answers at once.
  const query = reset ? '?timing=instant&reset=1' : '?timing=instant';
  if (subject === 'ours') {
    await page.goto(`${server.origin}/page/element${query}&visitor=denied`);
    await page.evaluate(() => (window as BenchWindow).__benchReady);
  } else {
    await page.goto(`${server.origin}/page/sample${query}`);
    await page.evaluate(() => (window as BenchWindow).__sampleDone);
  }
  await page.waitForTimeout(QUIET_MS);
}

/** Backend POSTs since the last call: each subject has its own endpoint, so they may run at once. */
function backendCounter(server: BenchServer, subject: Subject): () => number {
  const total = () => (subject === 'ours' ? server.counts.smsSubscribe : server.counts.smsFallback);
  let seen = total();
  return () => {
    const added = total() - seen;
    seen += added;
    return added;
  };
}

async function sequence(browser: Browser, server: BenchServer, subject: Subject) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const views: ViewCount[] = [];
  const backend = backendCounter(server, subject);
  try {
    await visit(page, server, subject, true);
    views.push(count('1 first visit, push denied', await snapshot(page), backend()));

    await visit(page, server, subject, false);
    const before = await snapshot(page);
    views.push(count('2 repeat visit, same state', before, backend()));

    await page.evaluate(() => window.OneSignalSimulator?.grant());
    await page.waitForTimeout(QUIET_MS);
    views.push(count('(during 2: visitor grants push)', await snapshot(page), backend(), before));

    // The view after a grant: with ours the element waits for push, not the form.
    await visitAfterGrant(page, server, subject);
    views.push(count('3 visit after granting push', await snapshot(page), backend()));

    await visitAfterGrant(page, server, subject);
    views.push(count('4 repeat of 3', await snapshot(page), backend()));
  } finally {
    await context.close();
  }
  return views;
}

/** After the grant our page decides `push`, so the probe's `form` end point never comes. */
async function visitAfterGrant(page: Page, server: BenchServer, subject: Subject) {
  if (subject === 'sample') return visit(page, server, subject, false);
  await page.goto(`${server.origin}/page/element?timing=instant&visitor=denied`);
  await page.waitForFunction(
    () => document.querySelector('push-sms-fallback')?.getAttribute('state') !== 'loading',
  );
  await page.waitForTimeout(QUIET_MS);
}

/** Both subjects at once: counts, not times, and each counts only its own backend. */
export async function measureWrites(browser: Browser, server: BenchServer): Promise<WritesResult> {
  const [ours, sample] = await Promise.all([
    sequence(browser, server, 'ours'),
    sequence(browser, server, 'sample'),
  ]);
  return { ours, sample };
}
