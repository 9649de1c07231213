// The script-tag bundle (dist/push-sms-fallback.js). A `type="module"` script runs when the
// parser finishes, in the same task as the page's own end-of-parse work: registering the element
// (upgrading every instance, their first update) waits for the next task, so neither makes that
// task long. Code that needs the element uses `customElements.whenDefined('push-sms-fallback')`.
import { defineElement } from './element/define.js';
import { yieldToMain } from './yield.js';

export * from './public-api.js';

void yieldToMain().then(() => defineElement());
