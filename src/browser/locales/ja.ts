import type { Strings } from './strings.js';

export { regions } from './regions/ja.js';

export const strings: Strings = {
  heading: 'SMSで最新情報を受け取る',
  introDenied: 'このサイトの通知はブロックされています。代わりにSMSでお知らせをお送りできます。',
  introDismissed: '通知はまだ不要ですか？代わりにSMSでお知らせをお送りできます。',
  introNotSubscribed: '通知よりSMSがよろしいですか？代わりにSMSでお知らせをお送りできます。',
  introUnavailable:
    '現在、このページでは通知をお届けできません。代わりにSMSでお知らせをお送りできます。',
  introUnsupported:
    'このサイトの通知はここでは表示できません。代わりにSMSでお知らせをお送りできます。',
  iosHint: 'iPhoneとiPadで通知を受け取るには、このサイトをホーム画面に追加する必要があります。',
  country: '国・地域',
  phone: '携帯電話番号',
  phoneHint: 'この番号は、これらのSMSの送信にのみ使用します。',
  consent:
    '{action}ことで、{program}から自動送信される定期的なテキストメッセージ（SMS）を、入力された番号で受信することに同意したものとみなされます。同意は購入の条件ではありません。{frequency}。メッセージ・データ通信料がかかる場合があります。配信停止はSTOP、ヘルプはHELPと返信してください。{terms}・{privacy}',
  consentByCheckbox: 'このボックスにチェックを入れる',
  consentByButton: '「{button}」をタップする',
  frequency: '配信頻度は変動します',
  terms: '利用規約',
  privacy: 'プライバシーポリシー',
  submit: 'SMSを受け取る',
  submitAndAgree: '同意してSMSを受け取る',
  dismiss: '今はしない',
  sending: '送信中…',
  queued: 'オフラインのようです。番号は保存されており、オンラインに戻ったときに送信されます。',
  queuedServer: 'サーバーが応答していません。番号は保存されており、送信を再試行します。',
  expand: 'SMSで受け取る',
  done: '登録が完了しました。{phone}宛てにSMSをお送りします。',
  doneBefore: 'SMSの登録はすでに完了しています。',
  errorEmpty: '携帯電話番号を入力してください。',
  errorTooShort: '番号が短すぎます。',
  errorTooLong: '番号が長すぎます。',
  errorInvalid: '有効な電話番号ではありません。番号を確認するか、別の国・地域を選択してください。',
  errorNotMobile: '携帯電話番号ではありません。SMSを受信できる番号を入力してください。',
  errorCountryNotAllowed: 'SMSを送信できるのは、次の国・地域の番号のみです：{countries}',
  errorConsentRequired: 'SMSの受信に同意するには、チェックボックスにチェックを入れてください。',
  errorHttp: '問題が発生しました。もう一度お試しください。',
  errorOptedOut:
    'この番号は配信停止済みです。再開するには、最後に届いたメッセージに START と返信してください。',
  errorCountryRefused: 'この国の番号にはSMSを送信できません。',
  errorUnavailable: '現在、SMSの登録を受け付けていません。しばらくしてからもう一度お試しください。',
  errorNetwork: 'サーバーに接続できませんでした。もう一度お試しください。',
  errorTimeout: 'サーバーの応答に時間がかかりすぎました。もう一度お試しください。',
};
