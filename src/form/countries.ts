import { callingCode, countryCodes } from './phone.js';

export interface CountryOption {
  code: string;
  /** The country's name in the visitor's language, from the browser (no name tables to download). */
  name: string;
  /** The `<option>`, built once: rendering 245 prepared nodes is far cheaper than 245 templates. */
  option: HTMLOptionElement;
}

// Naming and sorting some 245 countries is tens of milliseconds on a slow phone: done in slices,
// with the main thread free in between, so showing the form never blocks input.
const SLICE = 50;
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve));

/** The countries a visitor may choose, named in `locale` and sorted the way that language sorts. */
export async function countryOptions(
  locale: string,
  selected: string,
  allowed?: readonly string[],
): Promise<CountryOption[]> {
  const known = new Set(countryCodes());
  const codes = (allowed ?? [...known]).filter((code) => known.has(code));
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  const options: CountryOption[] = [];
  for (let start = 0; start < codes.length; start += SLICE) {
    await yieldToMain();
    for (const code of codes.slice(start, start + SLICE)) {
      const name = names.of(code) ?? code;
      const chosen = code === selected;
      const option = new Option(`${name} (+${callingCode(code)})`, code, chosen, chosen);
      options.push({ code, name, option });
    }
  }
  await yieldToMain();
  const collator = new Intl.Collator(locale);
  options.sort((a, b) => collator.compare(a.name, b.name));
  await yieldToMain(); // the first render of the form gets a task of its own
  return options;
}
