// Built from generic parts: Material <md-outlined-text-field> plus libphonenumber-js/min validation.
import '@material/web/textfield/outlined-text-field.js';
export { toE164 } from './libphonenumber-min.js';
