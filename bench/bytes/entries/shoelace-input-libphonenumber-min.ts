// Built from generic parts: Shoelace <sl-input> plus libphonenumber-js/min validation.
import '@shoelace-style/shoelace/dist/components/input/input.js';
export { toE164 } from './libphonenumber-min.js';
