import type { Strings } from './strings.js';

export { regions } from './regions/it.js';

export const strings: Strings = {
  heading: 'Ricevi i nostri aggiornamenti via SMS',
  introDenied: 'Le notifiche sono bloccate per questo sito. Possiamo invece inviarti degli SMS.',
  introDismissed: 'Non ancora pronto per le notifiche? Possiamo invece inviarti degli SMS.',
  introNotSubscribed: 'Preferisci gli SMS alle notifiche? Possiamo invece inviarti degli SMS.',
  introUnavailable:
    'Al momento le notifiche non possono raggiungerti su questa pagina. Possiamo invece inviarti degli SMS.',
  introUnsupported:
    'Le notifiche di questo sito non possono essere mostrate qui. Possiamo invece inviarti degli SMS.',
  iosHint:
    'Su iPhone e iPad, le notifiche funzionano solo se aggiungi questo sito alla schermata Home.',
  country: 'Paese',
  phone: 'Numero di cellulare',
  phoneHint: 'Lo useremo solo per inviarti questi messaggi.',
  consent:
    '{action}, accetti di ricevere SMS automatici e ricorrenti da {program} al numero indicato. Il consenso non è una condizione per l’acquisto. {frequency}. Potrebbero essere applicati costi per SMS e traffico dati. Rispondi STOP per annullare l’iscrizione e HELP per ricevere assistenza. {terms} · {privacy}',
  consentByCheckbox: 'Selezionando questa casella',
  consentByButton: 'Toccando «{button}»',
  frequency: 'La frequenza dei messaggi varia',
  terms: 'Termini e condizioni',
  privacy: 'Informativa sulla privacy',
  submit: 'Ricevi gli SMS',
  submitAndAgree: 'Accetta e ricevi gli SMS',
  dismiss: 'No, grazie',
  sending: 'Invio in corso…',
  queued:
    'Sembra che tu sia offline. Il tuo numero è stato salvato e verrà inviato quando tornerai online.',
  queuedServer:
    'Il nostro server non risponde. Il tuo numero è salvato e continueremo a riprovare.',
  expand: 'Ricevi SMS',
  done: 'Fatto! Ti invieremo i nostri SMS al numero {phone}.',
  doneBefore: 'Sei già iscritto ai nostri SMS.',
  errorEmpty: 'Inserisci il tuo numero di cellulare.',
  errorTooShort: 'Questo numero è troppo corto.',
  errorTooLong: 'Questo numero è troppo lungo.',
  errorInvalid: 'Questo numero di telefono non è valido. Controllalo o scegli un altro Paese.',
  errorNotMobile:
    'Questo non è un numero di cellulare. Inserisci un numero che possa ricevere SMS.',
  errorCountryNotAllowed: 'Possiamo inviare SMS solo a numeri di questi Paesi: {countries}.',
  errorConsentRequired: 'Seleziona la casella per accettare di ricevere SMS.',
  errorHttp: 'Si è verificato un errore. Riprova.',
  errorOptedOut:
    'Questo numero ha annullato l’iscrizione ai nostri SMS. Rispondi START al nostro ultimo SMS per riceverli di nuovo.',
  errorCountryRefused: 'Non possiamo inviare SMS ai numeri di questo paese.',
  errorUnavailable:
    'Le iscrizioni via SMS non sono disponibili in questo momento. Riprova più tardi.',
  errorNetwork: 'Impossibile raggiungere il server. Riprova.',
  errorTimeout: 'Il server ha impiegato troppo tempo a rispondere. Riprova.',
};
