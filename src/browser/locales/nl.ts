import type { Strings } from './strings.js';

export { regions } from './regions/nl.js';

export const strings: Strings = {
  heading: 'Ontvang onze updates per sms',
  introDenied:
    'Meldingen zijn geblokkeerd voor deze website. In plaats daarvan kunnen we je berichten per sms sturen.',
  introDismissed: 'Nog geen meldingen? In plaats daarvan kunnen we je berichten per sms sturen.',
  introNotSubscribed:
    'Liever sms dan meldingen? In plaats daarvan kunnen we je berichten per sms sturen.',
  introUnavailable:
    'Meldingen kunnen je op deze pagina nu niet bereiken. In plaats daarvan kunnen we je berichten per sms sturen.',
  introUnsupported:
    'Meldingen van deze website kunnen hier niet worden getoond. In plaats daarvan kunnen we je berichten per sms sturen.',
  iosHint:
    'Op iPhone en iPad werken meldingen alleen als je deze website aan je beginscherm toevoegt.',
  country: 'Land',
  phone: 'Mobiel nummer',
  phoneHint: 'We gebruiken dit nummer alleen om je deze sms’jes te sturen.',
  consent:
    'Door {action} ga je ermee akkoord dat je terugkerende, automatisch verstuurde sms-berichten van {program} ontvangt op het opgegeven nummer. Toestemming is geen voorwaarde voor een aankoop. {frequency}. Er kunnen kosten voor sms en data in rekening worden gebracht. Antwoord STOP om je af te melden en HELP voor hulp. {terms} · {privacy}',
  consentByCheckbox: 'dit vakje aan te vinken',
  consentByButton: 'op ‘{button}’ te tikken',
  frequency: 'Het aantal berichten varieert',
  terms: 'Voorwaarden',
  privacy: 'Privacybeleid',
  submit: 'Sms’jes ontvangen',
  submitAndAgree: 'Akkoord en sms’jes ontvangen',
  dismiss: 'Nee, bedankt',
  sending: 'Versturen…',
  queued:
    'Je lijkt offline te zijn. Je nummer is opgeslagen en wordt verstuurd zodra je weer online bent.',
  queuedServer: 'Onze server antwoordt niet. Je nummer is bewaard en we blijven het proberen.',
  expand: 'Sms’jes ontvangen',
  done: 'Gelukt! We sturen onze sms’jes naar {phone}.',
  doneBefore: 'Je bent al aangemeld voor onze sms’jes.',
  errorEmpty: 'Vul je mobiele nummer in.',
  errorTooShort: 'Dit nummer is te kort.',
  errorTooLong: 'Dit nummer is te lang.',
  errorInvalid: 'Dit is geen geldig telefoonnummer. Controleer het of kies een ander land.',
  errorNotMobile: 'Dit is geen mobiel nummer. Vul een nummer in dat sms’jes kan ontvangen.',
  errorCountryNotAllowed:
    'We kunnen alleen sms’jes sturen naar nummers uit deze landen: {countries}.',
  errorConsentRequired: 'Vink het vakje aan om akkoord te gaan met het ontvangen van sms’jes.',
  errorHttp: 'Er is iets misgegaan. Probeer het opnieuw.',
  errorOptedOut:
    'Dit nummer heeft zich afgemeld voor onze sms’jes. Antwoord START op ons laatste bericht om ze weer te ontvangen.',
  errorCountryRefused: 'We kunnen geen sms sturen naar nummers uit dit land.',
  errorUnavailable: 'Aanmelden voor sms is op dit moment niet mogelijk. Probeer het later opnieuw.',
  errorNetwork: 'We konden de server niet bereiken. Probeer het opnieuw.',
  errorTimeout: 'De server reageerde niet op tijd. Probeer het opnieuw.',
};
