import type { Strings } from './strings.js';

export { regions } from './regions/pt-BR.js';

export const strings: Strings = {
  heading: 'Receba nossas novidades por SMS',
  introDenied:
    'As notificações estão bloqueadas para este site. Em vez disso, podemos enviar SMS para você.',
  introDismissed: 'Ainda não quer notificações? Em vez disso, podemos enviar SMS para você.',
  introNotSubscribed: 'Prefere SMS a notificações? Em vez disso, podemos enviar SMS para você.',
  introUnavailable:
    'No momento, as notificações não conseguem chegar até você nesta página. Em vez disso, podemos enviar SMS para você.',
  introUnsupported:
    'As notificações deste site não podem ser exibidas aqui. Em vez disso, podemos enviar SMS para você.',
  iosHint:
    'No iPhone e no iPad, as notificações só funcionam se este site estiver na sua Tela de Início.',
  country: 'País',
  phone: 'Número de celular',
  phoneHint: 'Usamos o número só para enviar estas mensagens.',
  consent:
    'Ao {action}, você concorda em receber mensagens de texto automáticas e recorrentes de {program} no número informado. O consentimento não é condição para a compra. {frequency}. Podem ser cobradas tarifas de mensagens e dados. Responda STOP para cancelar e HELP para obter ajuda. {terms} · {privacy}',
  consentByCheckbox: 'marcar esta caixa',
  consentByButton: 'tocar em “{button}”',
  frequency: 'A frequência das mensagens varia',
  terms: 'Termos de uso',
  privacy: 'Política de privacidade',
  submit: 'Receber SMS',
  submitAndAgree: 'Aceitar e receber SMS',
  dismiss: 'Agora não',
  sending: 'Enviando…',
  queued:
    'Parece que você está sem conexão. Seu número foi salvo e será enviado quando a conexão voltar.',
  queuedServer:
    'Nosso servidor não está respondendo. Seu número foi salvo e vamos continuar tentando.',
  expand: 'Receber SMS',
  done: 'Pronto! Vamos enviar nossos SMS para {phone}.',
  doneBefore: 'Você já está inscrito nos nossos SMS.',
  errorEmpty: 'Informe seu número de celular.',
  errorTooShort: 'Este número é curto demais.',
  errorTooLong: 'Este número é longo demais.',
  errorInvalid: 'Este número de telefone não é válido. Confira o número ou escolha outro país.',
  errorNotMobile: 'Este número não é de celular. Informe um número que possa receber SMS.',
  errorCountryNotAllowed: 'Só podemos enviar SMS para números destes países: {countries}.',
  errorConsentRequired: 'Marque a caixa para aceitar o recebimento de mensagens de texto.',
  errorHttp: 'Algo deu errado. Tente novamente.',
  errorOptedOut:
    'Este número cancelou nossas mensagens. Responda START à nossa última mensagem para voltar a recebê-las.',
  errorCountryRefused: 'Não podemos enviar SMS para números deste país.',
  errorUnavailable:
    'As inscrições por SMS estão indisponíveis no momento. Tente novamente mais tarde.',
  errorNetwork: 'Não foi possível conectar ao servidor. Tente novamente.',
  errorTimeout: 'O servidor demorou demais para responder. Tente novamente.',
};
