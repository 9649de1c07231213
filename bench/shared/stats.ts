/** Summaries of repeated measurements. */
export interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { runs: 0, min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: n, min: sorted[0]!, median, max: sorted[n - 1]! };
}

/** `median (min–max)` with a unit and a number of decimals. */
export function spread(s: Summary, decimals = 0, unit = ''): string {
  if (s.runs === 0) return 'n/a';
  const f = (v: number) => `${v.toFixed(decimals)}${unit}`;
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** Bytes as kB (1 kB = 1000 B, as scripts/size.mjs prints them). */
export const kB = (bytes: number, decimals = 2) => `${(bytes / 1000).toFixed(decimals)} kB`;

/** A share (0–1) as a whole percentage. */
export const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
