import type { Strings } from './strings.js';

export { regions } from './regions/en.js';

export const strings: Strings = {
  heading: 'Get our updates by text message',
  introDenied: 'Notifications are blocked for this site. We can text you instead.',
  introDismissed: 'Not ready for notifications? We can text you instead.',
  introNotSubscribed: 'Prefer texts to notifications? We can text you instead.',
  introUnavailable:
    'Notifications can’t reach you on this page right now. We can text you instead.',
  introUnsupported: 'Notifications from this site can’t be shown here. We can text you instead.',
  iosHint: 'On iPhone and iPad, notifications need this site on your Home Screen.',
  country: 'Country',
  phone: 'Mobile phone number',
  phoneHint: 'We only use it to send you these texts.',
  consent:
    'By {action}, you agree to receive recurring automated text messages from {program} at the number provided. Consent is not a condition of purchase. {frequency}. Msg & data rates may apply. Reply STOP to cancel, HELP for help. {terms} · {privacy}',
  consentByCheckbox: 'checking this box',
  consentByButton: 'tapping “{button}”',
  frequency: 'Msg frequency varies',
  terms: 'Terms',
  privacy: 'Privacy Policy',
  submit: 'Text me',
  submitAndAgree: 'Agree and text me',
  dismiss: 'No thanks',
  sending: 'Sending…',
  queued: 'You seem to be offline. Your number is saved and will be sent when you are back online.',
  queuedServer: 'Our server is not answering. Your number is saved, and we will keep trying.',
  expand: 'Get texts instead',
  done: 'Done! We will text {phone}.',
  doneBefore: 'You are already signed up for our texts.',
  errorEmpty: 'Enter your mobile phone number.',
  errorTooShort: 'This number is too short.',
  errorTooLong: 'This number is too long.',
  errorInvalid: 'This is not a valid phone number. Check it, or choose another country.',
  errorNotMobile: 'This is not a mobile number. Enter a number that can receive texts.',
  errorCountryNotAllowed: 'We can only text numbers in {countries}.',
  errorConsentRequired: 'Tick the box to agree to receive text messages.',
  errorHttp: 'Something went wrong. Please try again.',
  errorOptedOut:
    'This number has opted out of our texts. Reply START to our last text to get them again.',
  errorCountryRefused: 'We cannot send texts to numbers from this country.',
  errorUnavailable: 'Sign-ups by text are unavailable right now. Please try again later.',
  errorNetwork: 'We could not reach the server. Please try again.',
  errorTimeout: 'The server took too long to answer. Please try again.',
};
