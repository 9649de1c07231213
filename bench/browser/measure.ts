/**
 * Part 2: the element in headless Chromium on the calibrated phone (bench/browser/calibrate.ts:
 * the CPU throttling rate at which this host scores the target phone's benchmarkIndex), pages
 * from the loopback server (bench/browser/bench-server.ts), the simulated SDK taking the real
 * one's time (bench/browser/pages/sdk-timing.ts). One browser; every run gets a fresh context (a
 * new renderer process: cold caches, empty storage) and page. The throttle is set on the page's
 * initial about:blank before the measured navigation (it carries over navigations), and the
 * page's probe (bench/browser/pages/probe.ts) records the times. Cases are interleaved run by
 * run, so background load spreads over all of them evenly.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';
import type { BenchWindow, ProbeRecord } from './pages/record.js';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { analyse, type CaseResult } from './analyse.js';
import { CASES, type CaseName, type Run } from './cases.js';

const VIEWPORT = { width: 1280, height: 800 };
/** Idle time after the end point, so late layout shifts are reported before reading them. */
const SETTLE_MS = 200;
const TIMEOUT_MS = 30_000;
/** The number a visitor types; valid with the min metadata and US as the default country. */
const PHONE = '+14155552671';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

export interface BrowserResults {
  runsPerCase: number;
  /** Runs of a layout case (see `CASES`). */
  layoutRuns: number;
  /** The calibrated CPU throttling rate. */
  cpuThrottle: number;
  viewport: typeof VIEWPORT;
  settleMs: number;
  cases: Record<CaseName, CaseResult>;
}

async function openThrottled(
  browser: Browser,
  rate: number,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const readRecord = (page: Page) =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as BenchWindow).__bench)) as ProbeRecord);

async function runOnce(
  browser: Browser,
  origin: string,
  name: CaseName,
  rate: number,
): Promise<Run> {
  const { context, page, cdp } = await openThrottled(browser, rate);
  try {
    // Module scripts (the probe among them) have run by DOMContentLoaded.
    await page.goto(origin + CASES[name].path, { waitUntil: 'domcontentloaded' });
    await withTimeout(
      page.evaluate(() => (window as BenchWindow).__benchReady),
      `${name}: end point`,
    );
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (key: string) => (metrics.find((m) => m.name === key)?.value ?? 0) * 1000;
    let record = await readRecord(page);
    const shifts = record.shifts.filter((shift) => !shift.hadRecentInput);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    const decided = record.decided ?? Infinity;
    const rendered = record.formRendered ?? Infinity;
    const clsByPhase = { startup: 0, decided: 0, rendered: 0 };
    for (const shift of shifts) {
      const phase =
        shift.start < decided ? 'startup' : shift.start < rendered ? 'decided' : 'rendered';
      clsByPhase[phase] += shift.value;
    }
    if (name === 'denied') {
      await page.evaluate((phone) => (window as BenchWindow).__benchFill?.(phone), PHONE);
      await page.evaluate(() => (window as BenchWindow).__benchSubmit?.());
      await withTimeout(
        page.evaluate(() => (window as BenchWindow).__benchDone),
        `${name}: done`,
      );
      record = await readRecord(page);
    }
    return {
      record,
      cls,
      clsByPhase,
      scriptMs: metric('ScriptDuration'),
      taskMs: metric('TaskDuration'),
    };
  } finally {
    await context.close();
  }
}

export async function measureBrowser(
  browser: Browser,
  origin: string,
  runsPerCase: number,
  rate: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BrowserResults> {
  const names = Object.keys(CASES) as CaseName[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as Run[]])) as Record<CaseName, Run[]>;
  // One warm-up load, not counted: fresh contexts share no cache, but the OS has Chromium's
  // renderer paged in before anything is timed.
  await runOnce(browser, origin, 'denied', rate);
  const layoutRuns = Math.ceil(runsPerCase / 2);
  for (let i = 0; i < runsPerCase; i++) {
    for (const name of names) {
      if (CASES[name].layout && i >= layoutRuns) continue;
      runs[name].push(await runOnce(browser, origin, name, rate));
    }
    onProgress(i + 1, runsPerCase);
  }
  return {
    runsPerCase,
    layoutRuns,
    cpuThrottle: rate,
    viewport: VIEWPORT,
    settleMs: SETTLE_MS,
    cases: Object.fromEntries(names.map((n) => [n, analyse(n, CASES[n].label, runs[n])])) as Record<
      CaseName,
      CaseResult
    >,
  };
}
