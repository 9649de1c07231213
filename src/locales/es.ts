import type { Strings } from '../strings.js';

export { regions } from './regions/es.js';

export const strings: Strings = {
  heading: 'Recibe nuestras novedades por SMS',
  intro:
    'Las notificaciones están desactivadas en este navegador. Podemos enviarte SMS en su lugar.',
  iosHint:
    'En iPhone y iPad, las notificaciones solo funcionan si añades este sitio a tu pantalla de inicio.',
  country: 'País',
  phone: 'Número de móvil',
  phoneHint: 'Solo lo usaremos para enviarte estos mensajes.',
  consent:
    'Al {action}, aceptas recibir mensajes de texto automatizados y recurrentes de {program} en el número indicado. El consentimiento no es una condición de compra. {frequency}. Pueden aplicarse tarifas de mensajes y datos. Responde STOP para cancelar y HELP para obtener ayuda. {terms} · {privacy}',
  consentByCheckbox: 'marcar esta casilla',
  consentByButton: 'pulsar «{button}»',
  frequency: 'La frecuencia de los mensajes varía',
  terms: 'Términos y condiciones',
  privacy: 'Política de privacidad',
  submit: 'Recibir SMS',
  submitAndAgree: 'Aceptar y recibir SMS',
  dismiss: 'No, gracias',
  sending: 'Enviando…',
  queued:
    'Parece que no tienes conexión. Hemos guardado tu número y lo enviaremos cuando vuelvas a estar en línea.',
  queuedServer: 'Nuestro servidor no responde. Tu número está guardado y seguiremos intentándolo.',
  expand: 'Recibir SMS',
  done: '¡Listo! Te enviaremos los SMS al {phone}.',
  errorEmpty: 'Escribe tu número de móvil.',
  errorTooShort: 'Este número es demasiado corto.',
  errorTooLong: 'Este número es demasiado largo.',
  errorInvalid: 'Este número de teléfono no es válido. Revísalo o elige otro país.',
  errorNotMobile: 'Este número no es de un móvil. Escribe un número que pueda recibir SMS.',
  errorCountryNotAllowed: 'Solo podemos enviar SMS a números de estos países: {countries}.',
  errorConsentRequired: 'Marca la casilla para aceptar recibir mensajes de texto.',
  errorHttp: 'Se ha producido un error. Inténtalo de nuevo.',
  errorNetwork: 'No se pudo conectar con el servidor. Inténtalo de nuevo.',
  errorTimeout: 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
};
