/**
 * Part 5: Lighthouse, as users and their tools run it, on four pages of the same run: a declined
 * visitor's page with our element, the same job done with intl-tel-input + utils, a push
 * subscriber's page and the bare page. The pinned Lighthouse (12.2.3, the last line on Node 20)
 * runs with its mobile defaults (simulated throttling, Moto G Power screen) on the same Debian
 * Chromium, but with the calibrated CPU slowdown instead of its fixed 4× (its docs ask to
 * calibrate). Pages are audited one after another in one Chromium (each audit gets a fresh tab
 * and cleared storage, as Lighthouse does); the JSON reports go to bench/results/lighthouse/
 * (ignored by git). The pages' SDK script is not held by the server here: Lighthouse's simulated
 * network already times every request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { RESULTS } from '../shared/paths.js';
import { summarize, type Summary } from '../shared/stats.js';

const LIGHTHOUSE_PAGES = {
  ours: {
    path: '/page/element?visitor=denied&reserve=1',
    label: 'declined visitor, our element (reserve-space)',
  },
  intlTelInput: {
    path: '/page/intl-tel-input',
    label: 'declined visitor, intl-tel-input + utils form',
  },
  subscriber: { path: '/page/element?visitor=subscriber', label: 'push subscriber, our element' },
  bare: { path: '/page/bare', label: 'bare page (no script)' },
} as const;
export type LighthousePage = keyof typeof LIGHTHOUSE_PAGES;

const OUT = join(RESULTS, 'lighthouse');

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  tbtMs: number;
  cls: number;
  lcpMs: number;
  maxFidMs: number;
  benchmarkIndex: number;
}

export interface LighthouseResult {
  version: string;
  cpuSlowdown: number;
  runsPerPage: number;
  pages: Record<LighthousePage, { label: string } & Record<keyof LighthouseRun, Summary>>;
  /** Failed audits (a crash or a timeout), with the error: reported, not fatal. */
  errors: string[];
}

async function audit(port: number, origin: string, page: LighthousePage, cpuSlowdown: number) {
  const { path } = LIGHTHOUSE_PAGES[page];
  const url = `${origin}${path}${path.includes('?') ? '&' : '?'}reset=1&probe=0&timing=network`;
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    throttling: { cpuSlowdownMultiplier: cpuSlowdown },
    // The screenshot of the whole page is for people reading a report, not a figure.
    disableFullPageScreenshot: true,
  });
  if (!result) throw new Error(`${page}: Lighthouse returned no result`);
  if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.message}`);
  return result;
}

function read(lhr: Result): LighthouseRun {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    lcpMs: value('largest-contentful-paint'),
    maxFidMs: value('max-potential-fid'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

export async function measureLighthouse(
  origin: string,
  cpuSlowdown: number,
  runsPerPage: number,
  onProgress: (text: string) => void = () => {},
): Promise<LighthouseResult> {
  mkdirSync(OUT, { recursive: true });
  const names = Object.keys(LIGHTHOUSE_PAGES) as LighthousePage[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as LighthouseRun[]])) as Record<
    LighthousePage,
    LighthouseRun[]
  >;
  const errors: string[] = [];
  let version = '';
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS] });
  try {
    // Interleaved like the browser cases, so a slower spell of the host spreads over all pages.
    for (let run = 1; run <= runsPerPage; run++) {
      for (const name of names) {
        try {
          const { lhr, report } = await audit(chrome.port, origin, name, cpuSlowdown);
          writeFileSync(join(OUT, `${name}-${run}.json`), String(report));
          version = lhr.lighthouseVersion;
          runs[name].push(read(lhr));
        } catch (error) {
          errors.push(String(error instanceof Error ? error.message : error));
        }
      }
      onProgress(`  Lighthouse round ${run}/${runsPerPage}`);
    }
  } finally {
    chrome.kill();
  }
  const keys: (keyof LighthouseRun)[] = [
    'performance',
    'accessibility',
    'tbtMs',
    'cls',
    'lcpMs',
    'maxFidMs',
    'benchmarkIndex',
  ];
  const pages = Object.fromEntries(
    names.map((name) => [
      name,
      {
        label: LIGHTHOUSE_PAGES[name].label,
        ...Object.fromEntries(keys.map((k) => [k, summarize(runs[name].map((r) => r[k]))])),
      },
    ]),
  ) as LighthouseResult['pages'];
  return { version, cpuSlowdown, runsPerPage, pages, errors };
}
