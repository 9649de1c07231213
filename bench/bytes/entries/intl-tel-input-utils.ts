// intl-tel-input (latest) with utils bundled in (its "intlTelInputWithUtils" entry).
export { default } from 'intl-tel-input/intlTelInputWithUtils';
