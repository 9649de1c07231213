// Material Web <md-outlined-text-field> as a generic Lit form field.
import '@material/web/textfield/outlined-text-field.js';
