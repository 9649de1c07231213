import type { Strings } from './strings.js';

export { regions } from './regions/es.js';

export const strings: Strings = {
  heading: 'Recibe nuestras novedades por SMS',
  introDenied:
    'Las notificaciones están bloqueadas para este sitio. Podemos enviarte SMS en su lugar.',
  introDismissed: '¿Todavía no quieres notificaciones? Podemos enviarte SMS en su lugar.',
  introNotSubscribed: '¿Prefieres SMS a las notificaciones? Podemos enviarte SMS en su lugar.',
  introUnavailable:
    'Ahora mismo las notificaciones no pueden llegarte en esta página. Podemos enviarte SMS en su lugar.',
  introUnsupported:
    'Las notificaciones de este sitio no se pueden mostrar aquí. Podemos enviarte SMS en su lugar.',
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
  doneBefore: 'Ya estás suscrito a nuestros SMS.',
  errorEmpty: 'Escribe tu número de móvil.',
  errorTooShort: 'Este número es demasiado corto.',
  errorTooLong: 'Este número es demasiado largo.',
  errorInvalid: 'Este número de teléfono no es válido. Revísalo o elige otro país.',
  errorNotMobile: 'Este número no es de un móvil. Escribe un número que pueda recibir SMS.',
  errorCountryNotAllowed: 'Solo podemos enviar SMS a números de estos países: {countries}.',
  errorConsentRequired: 'Marca la casilla para aceptar recibir mensajes de texto.',
  errorHttp: 'Se ha producido un error. Inténtalo de nuevo.',
  errorOptedOut:
    'Este número se dio de baja de nuestros mensajes. Responde START a nuestro último mensaje para volver a recibirlos.',
  errorCountryRefused: 'No podemos enviar SMS a números de este país.',
  errorUnavailable:
    'Las suscripciones por SMS no están disponibles en este momento. Inténtalo de nuevo más tarde.',
  errorNetwork: 'No se pudo conectar con el servidor. Inténtalo de nuevo.',
  errorTimeout: 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
};
