import { callingCode } from './phone.js';
import { yieldToMain } from '../yield.js';

export interface CountryOption {
  code: string;
  /** The `<option>`, built once: rendering 245 prepared nodes is far cheaper than 245 templates. */
  option: HTMLOptionElement;
}

// Some 245 options take a few milliseconds each slice of 50 on a slow phone: built in slices,
// with the main thread free in between, so showing the form never blocks input.
const SLICE = 50;

/**
 * The countries a visitor may choose, in the order of `regions` (the language's own order),
 * limited to `allowed` when given. The table holds only countries with a calling code.
 */
export async function countryOptions(
  regions: string,
  selected: string,
  allowed?: readonly string[],
): Promise<CountryOption[]> {
  const wanted = allowed && new Set(allowed);
  const entries = regions.split('|').filter((entry) => !wanted || wanted.has(entry.slice(0, 2)));
  const options: CountryOption[] = [];
  for (let start = 0; start < entries.length; start += SLICE) {
    await yieldToMain();
    for (const entry of entries.slice(start, start + SLICE)) {
      const code = entry.slice(0, 2);
      const name = entry.slice(2);
      const chosen = code === selected;
      const option = new Option(`${name} (+${callingCode(code)})`, code, chosen, chosen);
      options.push({ code, option });
    }
  }
  return options;
}

/** A country's name in `regions` (the language's table), without building the options; else its code. */
export function countryName(regions: string, code: string): string {
  return (
    regions
      .split('|')
      .find((entry) => entry.startsWith(code))
      ?.slice(2) ?? code
  );
}
