// The phone stack OneSignal's SMS slidedown loads: intl-tel-input 17.0.12 and its utils script.
import 'intl-tel-input-17/build/js/intlTelInput.js';
import 'intl-tel-input-17/build/js/utils.js';
