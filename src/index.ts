// The npm entry: importing it registers <push-sms-fallback> before the import resolves, so
// framework code and server-side rendering that run right after it find the element defined.
import { defineElement } from './browser/element/define.js';

export * from './browser/public-api.js';

defineElement();
