import type { Strings } from './strings.js';

export { regions } from './regions/fr.js';

// French typography: a no-break space (\u00a0) inside « » and before ! ? : ;
export const strings: Strings = {
  heading: 'Recevez nos actualités par SMS',
  introDenied:
    'Les notifications sont bloquées pour ce site. Nous pouvons vous envoyer des SMS à la place.',
  introDismissed:
    'Pas encore prêt pour les notifications\u00a0? Nous pouvons vous envoyer des SMS à la place.',
  introNotSubscribed:
    'Vous préférez les SMS aux notifications\u00a0? Nous pouvons vous envoyer des SMS à la place.',
  introUnavailable:
    'Les notifications ne peuvent pas vous parvenir sur cette page pour le moment. Nous pouvons vous envoyer des SMS à la place.',
  introUnsupported:
    'Les notifications de ce site ne peuvent pas s’afficher ici. Nous pouvons vous envoyer des SMS à la place.',
  iosHint:
    'Sur iPhone et iPad, les notifications ne fonctionnent que si ce site est ajouté à votre écran d’accueil.',
  country: 'Pays',
  phone: 'Numéro de mobile',
  phoneHint: 'Nous l’utilisons uniquement pour vous envoyer ces SMS.',
  consent:
    'En {action}, vous acceptez de recevoir des SMS automatisés et récurrents de la part de {program} au numéro indiqué. Votre consentement n’est pas une condition d’achat. {frequency}. Des frais de messagerie et de données peuvent s’appliquer. Répondez STOP pour vous désabonner, HELP pour obtenir de l’aide. {terms} · {privacy}',
  consentByCheckbox: 'cochant cette case',
  consentByButton: 'appuyant sur «\u00a0{button}\u00a0»',
  frequency: 'La fréquence des messages varie',
  terms: 'Conditions d’utilisation',
  privacy: 'Politique de confidentialité',
  submit: 'Recevoir les SMS',
  submitAndAgree: 'Accepter et recevoir les SMS',
  dismiss: 'Non merci',
  sending: 'Envoi en cours…',
  queued:
    'Vous semblez être hors ligne. Votre numéro est enregistré et sera envoyé dès que vous serez de nouveau en ligne.',
  queuedServer: 'Notre serveur ne répond pas. Votre numéro est enregistré et nous réessaierons.',
  expand: 'Recevoir des SMS',
  done: 'C’est fait\u00a0! Nous vous enverrons nos SMS au {phone}.',
  doneBefore: 'Vous êtes déjà inscrit à nos SMS.',
  errorEmpty: 'Saisissez votre numéro de mobile.',
  errorTooShort: 'Ce numéro est trop court.',
  errorTooLong: 'Ce numéro est trop long.',
  errorInvalid: 'Ce numéro de téléphone n’est pas valide. Vérifiez-le ou choisissez un autre pays.',
  errorNotMobile:
    'Ce numéro n’est pas un numéro de mobile. Saisissez un numéro qui peut recevoir des SMS.',
  errorCountryNotAllowed:
    'Nous ne pouvons envoyer des SMS qu’aux numéros des pays suivants\u00a0: {countries}.',
  errorConsentRequired: 'Cochez la case pour accepter de recevoir des SMS.',
  errorHttp: 'Une erreur s’est produite. Veuillez réessayer.',
  errorOptedOut:
    'Ce numéro s’est désabonné de nos SMS. Répondez START à notre dernier SMS pour les recevoir à nouveau.',
  errorCountryRefused: 'Nous ne pouvons pas envoyer de SMS aux numéros de ce pays.',
  errorUnavailable:
    'Les inscriptions par SMS sont indisponibles pour le moment. Veuillez réessayer plus tard.',
  errorNetwork: 'Impossible de joindre le serveur. Veuillez réessayer.',
  errorTimeout: 'Le serveur a mis trop de temps à répondre. Veuillez réessayer.',
};
