/**
 * A calibrated phone instead of a fixed CPU throttle. A fixed 4× on a host of unknown speed is
 * no phone of known speed: the same commit went from 0/10 to 10/10 runs with a long task when
 * the host was busier. So, before the browser cases, this measures the host with Lighthouse's
 * benchmarkIndex workload and searches the Chromium CPU throttling rate at which a page scores
 * the target phone's index, as Chrome DevTools' CPU calibration does (the index is not linear in
 * the rate, so the rate is measured, not only divided out). After the cases it measures again at
 * that rate: a host whose speed moved during the run is reported as noisy.
 */
import type { Browser } from 'playwright-core';
import { pct, summarize, type Summary } from '../shared/stats.js';

/**
 * The phone the bench emulates: Lighthouse 12's mobile device (its `screenEmulation.mobile` and
 * user agent are a "moto g power (2022)", core/config/constants.js), whose benchmarkIndex Chrome
 * DevTools' CPU calibration targets as its low-tier device (`lowScore = 264`,
 * front_end/panels/mobile_throttling/CalibrationController.ts). Lighthouse's docs put 125–800
 * in the "mid-tier mobile" class (docs/throttling.md).
 */
const TARGET_PHONE = { name: 'Moto G Power (2022)', benchmarkIndex: 264 };

/**
 * A measurement is stable when the middle half of its samples lies within ± this share of their
 * median, and calibrated when that median is within ± this share of the target. Measured on an
 * idle 2-core machine of this kind: single 1 s samples stray by up to ±25 %, and medians of five
 * taken a minute apart by ±16 %, so ±10 % would call an idle host noisy about half the time.
 */
const MARGIN = 0.15;
const SAMPLES = 5;
/** Bounds the calibration to about 40 s on a busy host (each measurement is 6 s). */
const MAX_STEPS = 3;
const MAX_HOST_TRIES = 2;
/** Lighthouse's own duration: 500 ms per half. */
const DURATION_MS = 1000;

/**
 * Lighthouse's benchmarkIndex workload (core/lib/page-functions.js computeBenchmarkIndex), run in
 * the page: for half the time, build a 10 000-character string one character at a time (heavy on
 * the garbage collector); for the other half, copy 100 000 integers between two arrays, reading
 * the clock every 10th copy. Each half scores copies or strings per second ÷ 10; the index is
 * their mean. Written here as a string so the page runs exactly this, not a transpiled variant.
 */
const WORKLOAD = `(() => {
  const half = ${DURATION_MS / 2};
  const perSecond = (count, start) => Math.round(count / 10 / ((Date.now() - start) / 1000));
  let start = Date.now();
  let strings = 0;
  while (Date.now() - start < half) {
    let text = '';
    for (let i = 0; i < 10000; i++) text += 'a';
    if (text.length === 1) throw new Error('unreachable: keeps the loop from being optimised away');
    strings++;
  }
  const gc = perSecond(strings, start);
  const a = [];
  const b = [];
  for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
  start = Date.now();
  let copies = 0;
  while (copies % 10 !== 0 || Date.now() - start < half) {
    const [from, to] = copies % 2 === 0 ? [a, b] : [b, a];
    for (let i = 0; i < from.length; i++) to[i] = from[i];
    copies++;
  }
  return (gc + perSecond(copies, start)) / 2;
})()`;

export interface IndexSample {
  rate: number;
  index: Summary;
  /** How far the middle half of the samples strays from their median, as a share of it. */
  spread: number;
}

export interface Calibration {
  target: typeof TARGET_PHONE;
  margin: number;
  /** Samples per measurement, after a warm-up. */
  samples: number;
  host: IndexSample;
  /** Host measurements made until one was within the margin (at most MAX_HOST_TRIES). */
  hostTries: number;
  /** The CPU throttling rate the cases and Lighthouse use. */
  factor: number;
  /** Every rate tried, in order; the factor is the one that scored nearest the target. */
  steps: IndexSample[];
  /** The index in `steps` of the measurement the factor comes from. */
  used: number;
  /** The same measurement after the browser cases (see `recheck`). */
  after?: IndexSample;
  /** Why the run is not clean, from the calibration's side; empty when it is. */
  problems: string[];
}

/** The larger distance of the lower and upper quartile from the median, as a share of it. */
function spreadOf(values: readonly number[], median: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.round(q * (sorted.length - 1))]!;
  return Math.max(median - quartile(0.25), quartile(0.75) - median) / median;
}
const within = (value: number, target: number) => Math.abs(value - target) <= target * MARGIN;

/** A fresh context per measurement series, like the cases (a new renderer, nothing cached). */
async function measure(browser: Browser, rate: number): Promise<IndexSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.evaluate(WORKLOAD); // warm-up: V8 optimises the loops first
    const values: number[] = [];
    for (let i = 0; i < SAMPLES; i++) values.push((await page.evaluate(WORKLOAD)) as number);
    const index = summarize(values);
    return { rate, index, spread: spreadOf(values, index.median) };
  } finally {
    await context.close();
  }
}

const round2 = (rate: number) => Math.round(rate * 100) / 100; // Chromium keeps hundredths

/**
 * The host's index, then the rate: start from host ÷ target and correct by measured ÷ target
 * until the throttled page scores the target within the margin (or MAX_STEPS tries).
 */
export async function calibrate(
  browser: Browser,
  onStep: (text: string) => void = () => {},
): Promise<Calibration> {
  let host = await measure(browser, 1);
  let hostTries = 1;
  const told = (sample: IndexSample) =>
    `index ${sample.index.median.toFixed(0)} (middle half ±${pct(sample.spread)})`;
  onStep(`host ${told(host)}`);
  while (host.spread > MARGIN && hostTries < MAX_HOST_TRIES) {
    host = await measure(browser, 1);
    hostTries++;
    onStep(`host again: ${told(host)}`);
  }
  const steps: IndexSample[] = [];
  let rate = Math.max(1, round2(host.index.median / TARGET_PHONE.benchmarkIndex));
  for (let i = 0; i < MAX_STEPS; i++) {
    const step = await measure(browser, rate);
    steps.push(step);
    onStep(`rate ${rate}×: ${told(step)}`);
    if (within(step.index.median, TARGET_PHONE.benchmarkIndex) || rate === 1) break;
    // Samples this far apart measure the other work on the host, not the rate: stop searching.
    if (step.spread > 2 * MARGIN) break;
    rate = Math.max(1, round2((rate * step.index.median) / TARGET_PHONE.benchmarkIndex));
  }
  // The factor is a rate that was measured: the one scoring nearest the target.
  const distance = (step: IndexSample) => Math.abs(step.index.median - TARGET_PHONE.benchmarkIndex);
  let best = steps.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  // Its samples strayed: once more at the same rate, as the host tries are repeated.
  if (best.spread > MARGIN) {
    const again = await measure(browser, best.rate);
    steps.push(again);
    onStep(`rate ${again.rate}× again: ${told(again)}`);
    if (again.spread < best.spread) best = again;
  }
  const converged = within(best.index.median, TARGET_PHONE.benchmarkIndex);
  const problems: string[] = [];
  if (host.spread > MARGIN) {
    problems.push(`host index strays ±${pct(host.spread)} after ${hostTries} tries`);
  }
  if (best.spread > MARGIN) problems.push(`throttled index strays ±${pct(best.spread)}`);
  if (!converged) {
    problems.push(
      best.rate === 1 && best.index.median < TARGET_PHONE.benchmarkIndex
        ? `the host is slower than the target phone (index ${best.index.median.toFixed(0)} unthrottled)`
        : `no rate reached ${TARGET_PHONE.benchmarkIndex} ± ${pct(MARGIN)} in ${steps.length} tries`,
    );
  }
  return {
    target: TARGET_PHONE,
    margin: MARGIN,
    samples: SAMPLES,
    host,
    hostTries,
    factor: best.rate,
    steps,
    used: steps.indexOf(best),
    problems,
  };
}

/** The index at the calibrated rate once more, after the cases: did the host's speed hold? */
export async function recheck(browser: Browser, calibration: Calibration): Promise<void> {
  const after = await measure(browser, calibration.factor);
  calibration.after = after;
  if (!within(after.index.median, TARGET_PHONE.benchmarkIndex)) {
    calibration.problems.push(
      `after the cases the same rate scored ${after.index.median.toFixed(0)} (the host's speed moved)`,
    );
  }
}
