import { PushSmsFallback } from './push-sms-fallback.js';
import { VERSION } from '../version.js';

export { VERSION };

export const TAG = 'push-sms-fallback';

declare global {
  interface HTMLElementTagNameMap {
    'push-sms-fallback': PushSmsFallback;
  }
  /** Versions of push-sms-fallback this page loaded, in order: a second one warns, never throws. */
  var pushSmsFallbackVersions: string[] | undefined;
}

/**
 * Registers the element once. A second copy of this script (a CMS and a theme both adding it,
 * two versions on one page) warns and leaves the first registration in place; on a server it does nothing.
 */
export function defineElement(tag = TAG, registry = globalThis.customElements): void {
  if (!registry) return;
  const existing = registry.get(tag);
  // This copy registered it already: `push-sms-fallback` and `push-sms-fallback/react` both call this.
  if (existing === PushSmsFallback || existing?.prototype instanceof PushSmsFallback) return;
  const versions = (globalThis.pushSmsFallbackVersions ??= []);
  versions.push(VERSION);
  if (existing) {
    console.warn(
      `<${tag}>: loaded more than once (versions ${versions.join(', ')}); using the first.`,
    );
    return;
  }
  registry.define(tag, tag === TAG ? PushSmsFallback : class extends PushSmsFallback {});
}
