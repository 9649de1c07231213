import type { Strings } from '../strings.js';

export { regions } from './regions/ar.js';

// {phone} is wrapped in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE (\u2066 … \u2069): without
// it, the digit groups of "+1 415 555 0100" would be laid out right to left inside Arabic text.
export const strings: Strings = {
  heading: 'احصل على آخر تحديثاتنا عبر الرسائل النصية',
  intro: 'الإشعارات متوقفة في هذا المتصفح. يمكننا مراسلتك عبر الرسائل النصية بدلاً من ذلك.',
  iosHint: 'على iPhone و iPad، تتطلب الإشعارات إضافة هذا الموقع إلى الشاشة الرئيسية.',
  country: 'البلد',
  phone: 'رقم الهاتف المحمول',
  phoneHint: 'نستخدمه فقط لإرسال هذه الرسائل إليك.',
  consent:
    '{action}، فإنك توافق على تلقي رسائل نصية آلية ومتكررة من {program} على الرقم الذي أدخلته. الموافقة ليست شرطًا للشراء. {frequency}. قد تُطبَّق رسوم على الرسائل والبيانات. أرسل STOP لإلغاء الاشتراك و HELP للحصول على المساعدة. {terms} · {privacy}',
  consentByCheckbox: 'بتحديد هذا المربع',
  consentByButton: 'بالنقر على «{button}»',
  frequency: 'يختلف عدد الرسائل',
  terms: 'شروط الاستخدام',
  privacy: 'سياسة الخصوصية',
  submit: 'تلقي الرسائل النصية',
  submitAndAgree: 'الموافقة وتلقي الرسائل النصية',
  dismiss: 'لا، شكرًا',
  sending: 'جارٍ الإرسال…',
  queued: 'يبدو أنك غير متصل بالإنترنت. تم حفظ رقمك وسيتم إرساله عند عودة الاتصال.',
  queuedServer: 'خادمنا لا يستجيب. تم حفظ رقمك وسنواصل المحاولة.',
  expand: 'تلقي الرسائل النصية',
  done: 'تم بنجاح! سنرسل رسائلنا إلى \u2066{phone}\u2069.',
  errorEmpty: 'أدخل رقم هاتفك المحمول.',
  errorTooShort: 'هذا الرقم قصير جدًا.',
  errorTooLong: 'هذا الرقم طويل جدًا.',
  errorInvalid: 'رقم الهاتف هذا غير صالح. تحقّق منه أو اختر بلدًا آخر.',
  errorNotMobile: 'هذا ليس رقم هاتف محمول. أدخل رقمًا يمكنه استقبال الرسائل النصية.',
  errorCountryNotAllowed:
    'لا يمكننا إرسال الرسائل النصية إلا إلى أرقام في البلدان التالية: {countries}.',
  errorConsentRequired: 'حدّد المربع للموافقة على تلقي الرسائل النصية.',
  errorHttp: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  errorNetwork: 'تعذّر الوصول إلى الخادم. يُرجى المحاولة مرة أخرى.',
  errorTimeout: 'استغرق الخادم وقتًا طويلاً للرد. يُرجى المحاولة مرة أخرى.',
};
