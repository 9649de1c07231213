/** The tables about the phone: its calibration, and Lighthouse on it. */
import type { Calibration } from '../browser/calibrate.js';
import type { LighthouseResult } from '../lighthouse/audit.js';
import type { Table } from './render.js';
import { pct, spread, type Summary } from '../shared/stats.js';

const ms = (s: Summary) => spread(s, 0, ' ms');
const dec = (s: Summary, d: number) => spread(s, d);

const index = (x: Summary) => spread(x, 0);

export function calibrationTable(c: Calibration): Table {
  const row = (what: string, sample: Calibration['host']) => [
    what,
    `${sample.rate}×`,
    index(sample.index),
    `±${pct(sample.spread)}`,
  ];
  return {
    title: `The calibrated phone: ${c.target.name}, benchmarkIndex ${c.target.benchmarkIndex}; CPU throttling ${c.factor}×`,
    head: ['measurement', 'CPU throttling', 'benchmarkIndex, median (min–max)', 'middle half'],
    right: [1, 2, 3],
    rows: [
      row(`host (try ${c.hostTries})`, c.host),
      ...c.steps.map((step, i) => row(`search ${i + 1}${i === c.used ? ' (used)' : ''}`, step)),
      ...(c.after ? [row('after the browser cases', c.after)] : []),
    ],
    notes: [
      `Lighthouse's benchmarkIndex workload (1 s per sample, a warm-up and ${c.samples} samples per row, each row in a fresh context), searched like Chrome DevTools' CPU calibration: the rate at which the throttled page scores ${c.target.benchmarkIndex} ± ${pct(c.margin)}. Stable means the middle half of every row's samples (lower to upper quartile) lies within ± ${pct(c.margin)} of its median, and the rate still scores the target after the cases.`,
      c.problems.length
        ? `Calibration did not hold: ${c.problems.join('; ')}. The host is too noisy to calibrate; timed figures are not about the target phone.`
        : `Calibration held: the host scored ${index(c.host.index)} (host ÷ target ${(c.host.index.median / c.target.benchmarkIndex).toFixed(2)}), the rate ${c.factor}× scored the target before and after the cases.`,
      "Target: Lighthouse 12's mobile device (its screen emulation and user agent are a moto g power (2022)); 264 is the benchmarkIndex Chrome DevTools' calibration uses for that phone (its low-tier target); Lighthouse's docs class 125–800 as mid-tier mobile.",
    ],
  };
}

export function lighthouseTable(l: LighthouseResult): Table {
  const p = l.pages;
  const row = (name: keyof LighthouseResult['pages']) => [
    p[name].label,
    index(p[name].performance),
    index(p[name].accessibility),
    ms(p[name].tbtMs),
    dec(p[name].cls, 3),
    ms(p[name].lcpMs),
    ms(p[name].maxFidMs),
  ];
  const ratio = (key: 'performance' | 'accessibility' | 'tbtMs' | 'lcpMs' | 'maxFidMs') =>
    `${(p.ours[key].median / p.intlTelInput[key].median).toFixed(2)}`;
  return {
    title: `Part 5: Lighthouse ${l.version} (mobile, simulated throttling, CPU slowdown ${l.cpuSlowdown}×), median of ${l.runsPerPage} per page`,
    head: ['page', 'performance', 'accessibility', 'TBT', 'CLS', 'LCP', 'max potential FID'],
    right: [1, 2, 3, 4, 5, 6],
    rows: [
      row('ours'),
      row('intlTelInput'),
      [
        'ours ÷ intl-tel-input',
        ratio('performance'),
        ratio('accessibility'),
        ratio('tbtMs'),
        p.intlTelInput.cls.median
          ? (p.ours.cls.median / p.intlTelInput.cls.median).toFixed(2)
          : '—',
        ratio('lcpMs'),
        ratio('maxFidMs'),
      ],
      row('subscriber'),
      row('bare'),
    ],
    notes: [
      "Lighthouse's Node API with its defaults (mobile form factor, Moto G Power screen, simulated slow 4G) and throttling.cpuSlowdownMultiplier set to the calibrated rate instead of its fixed 4×, on the same Chromium and flags: one Chromium, a fresh tab and cleared storage per audit (Lighthouse's own), pages interleaved. The SDK script is not held by the bench server here, since Lighthouse's network model times it; init's config delay stays. JSON reports in bench/results/lighthouse/ (not committed).",
      "Our declined page uses reserve-space (the README's setup where most visitors see the form); the subscriber page does not (its reserved room would collapse). The intl-tel-input page has its form in the HTML from the start and loads the same SDK with the standard snippet. Both load the simulated SDK held as on the phone's network.",
      `Lighthouse's own benchmarkIndex, unthrottled, per page: ${Object.values(p)
        .map((x) => `${x.label} ${index(x.benchmarkIndex)}`)
        .join('; ')}.`,
      ...(l.errors.length ? [`Audits that failed: ${l.errors.join('; ')}.`] : []),
    ],
  };
}
