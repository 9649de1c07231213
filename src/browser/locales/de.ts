import type { Strings } from './strings.js';

export { regions } from './regions/de.js';

export const strings: Strings = {
  heading: 'Unsere Neuigkeiten per SMS erhalten',
  introDenied:
    'Benachrichtigungen sind für diese Website blockiert. Wir können Ihnen stattdessen SMS senden.',
  introDismissed: 'Noch keine Benachrichtigungen? Wir können Ihnen stattdessen SMS senden.',
  introNotSubscribed: 'Lieber SMS als Benachrichtigungen? Wir können Ihnen stattdessen SMS senden.',
  introUnavailable:
    'Benachrichtigungen erreichen Sie auf dieser Seite gerade nicht. Wir können Ihnen stattdessen SMS senden.',
  introUnsupported:
    'Benachrichtigungen dieser Website können hier nicht angezeigt werden. Wir können Ihnen stattdessen SMS senden.',
  iosHint:
    'Auf iPhone und iPad funktionieren Benachrichtigungen nur, wenn diese Website zu Ihrem Home-Bildschirm hinzugefügt ist.',
  country: 'Land',
  phone: 'Handynummer',
  phoneHint: 'Wir verwenden sie nur, um Ihnen diese SMS zu senden.',
  consent:
    'Durch {action} willigen Sie ein, wiederkehrende automatisierte SMS von {program} an die angegebene Nummer zu erhalten. Die Einwilligung ist keine Voraussetzung für einen Kauf. {frequency}. Es können Gebühren für SMS und Datenübertragung anfallen. Antworten Sie mit STOP, um sich abzumelden, oder mit HELP, um Hilfe zu erhalten. {terms} · {privacy}',
  consentByCheckbox: 'Setzen dieses Häkchens',
  consentByButton: 'Tippen auf „{button}“',
  frequency: 'Die Anzahl der Nachrichten variiert',
  terms: 'Nutzungsbedingungen',
  privacy: 'Datenschutzerklärung',
  submit: 'SMS erhalten',
  submitAndAgree: 'Zustimmen und SMS erhalten',
  dismiss: 'Nein, danke',
  sending: 'Wird gesendet…',
  queued:
    'Sie scheinen offline zu sein. Ihre Nummer ist gespeichert und wird gesendet, sobald Sie wieder online sind.',
  queuedServer:
    'Unser Server antwortet nicht. Ihre Nummer ist gespeichert, wir versuchen es weiter.',
  expand: 'SMS erhalten',
  done: 'Fertig! Wir senden Ihnen unsere SMS an {phone}.',
  doneBefore: 'Sie sind bereits für unsere SMS angemeldet.',
  errorEmpty: 'Bitte geben Sie Ihre Handynummer ein.',
  errorTooShort: 'Diese Nummer ist zu kurz.',
  errorTooLong: 'Diese Nummer ist zu lang.',
  errorInvalid:
    'Diese Telefonnummer ist ungültig. Bitte prüfen Sie sie oder wählen Sie ein anderes Land.',
  errorNotMobile:
    'Dies ist keine Handynummer. Bitte geben Sie eine Nummer ein, die SMS empfangen kann.',
  errorCountryNotAllowed: 'Wir können SMS nur an Nummern aus diesen Ländern senden: {countries}.',
  errorConsentRequired: 'Bitte setzen Sie das Häkchen, um dem Empfang von SMS zuzustimmen.',
  errorHttp: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  errorOptedOut:
    'Diese Nummer hat unsere SMS abbestellt. Antworten Sie mit START auf unsere letzte SMS, um sie wieder zu erhalten.',
  errorCountryRefused: 'An Nummern aus diesem Land können wir keine SMS senden.',
  errorUnavailable:
    'Die Anmeldung per SMS ist gerade nicht möglich. Bitte versuchen Sie es später erneut.',
  errorNetwork: 'Der Server ist nicht erreichbar. Bitte versuchen Sie es erneut.',
  errorTimeout: 'Der Server hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
};
