// intl-tel-input (latest), core entry: the widget without the validation utils.
export { default } from 'intl-tel-input';
