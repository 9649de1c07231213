import type { Strings } from './strings.js';

export { regions } from './regions/he.js';

// Plural address and impersonal forms ("יש להזין"), the usual gender-neutral choice on Israeli sites.
// {phone} is wrapped in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE (\u2066 … \u2069): without
// it, the digit groups of "+1 415 555 0100" would be laid out right to left inside Hebrew text.
export const strings: Strings = {
  heading: 'קבלו את העדכונים שלנו ב-SMS',
  introDenied: 'ההתראות חסומות עבור האתר הזה. במקום זאת, נוכל לשלוח לכם הודעות SMS.',
  introDismissed: 'עדיין לא רוצים התראות? במקום זאת, נוכל לשלוח לכם הודעות SMS.',
  introNotSubscribed: 'מעדיפים SMS על פני התראות? במקום זאת, נוכל לשלוח לכם הודעות SMS.',
  introUnavailable:
    'כרגע ההתראות לא יכולות להגיע אליכם בדף הזה. במקום זאת, נוכל לשלוח לכם הודעות SMS.',
  introUnsupported: 'לא ניתן להציג כאן התראות מהאתר הזה. במקום זאת, נוכל לשלוח לכם הודעות SMS.',
  iosHint: 'ב-iPhone וב-iPad, ההתראות פועלות רק אם האתר הזה נוסף למסך הבית.',
  country: 'מדינה',
  phone: 'מספר טלפון נייד',
  phoneHint: 'נשתמש בו רק כדי לשלוח לכם את ההודעות האלה.',
  consent:
    '{action} מהווה הסכמה לקבלת הודעות טקסט אוטומטיות וחוזרות מאת {program} למספר שהוזן. ההסכמה אינה תנאי לביצוע רכישה. {frequency}. ייתכנו חיובים בגין הודעות ותעבורת נתונים. להפסקת ההודעות השיבו STOP, ולעזרה השיבו HELP. {terms} · {privacy}',
  consentByCheckbox: 'סימון התיבה הזו',
  consentByButton: 'הקשה על ”{button}”',
  frequency: 'תדירות ההודעות משתנה',
  terms: 'תנאי השימוש',
  privacy: 'מדיניות הפרטיות',
  submit: 'קבלת הודעות SMS',
  submitAndAgree: 'אישור וקבלת הודעות SMS',
  dismiss: 'לא, תודה',
  sending: 'בשליחה…',
  queued: 'נראה שאין חיבור לאינטרנט. המספר שלכם נשמר ויישלח כשהחיבור יחזור.',
  queuedServer: 'השרת שלנו לא עונה. המספר שלכם נשמר ונמשיך לנסות.',
  expand: 'קבלת הודעות SMS',
  done: 'הכול מוכן! נשלח את ההודעות למספר \u2066{phone}\u2069.',
  doneBefore: 'כבר נרשמת להודעות ה-SMS שלנו.',
  errorEmpty: 'יש להזין מספר טלפון נייד.',
  errorTooShort: 'המספר קצר מדי.',
  errorTooLong: 'המספר ארוך מדי.',
  errorInvalid: 'מספר הטלפון אינו תקין. יש לבדוק אותו או לבחור מדינה אחרת.',
  errorNotMobile: 'זה אינו מספר טלפון נייד. יש להזין מספר שיכול לקבל הודעות SMS.',
  errorCountryNotAllowed: 'אפשר לשלוח הודעות רק למספרים מהמדינות האלה: {countries}.',
  errorConsentRequired: 'יש לסמן את התיבה כדי לאשר קבלת הודעות SMS.',
  errorHttp: 'משהו השתבש. נסו שוב.',
  errorOptedOut:
    'המספר הזה הוסר מרשימת ההודעות שלנו. כדי לקבל אותן שוב, השיבו START להודעה האחרונה שלנו.',
  errorCountryRefused: 'איננו יכולים לשלוח הודעות SMS למספרים ממדינה זו.',
  errorUnavailable: 'ההרשמה להודעות SMS אינה זמינה כרגע. נסו שוב מאוחר יותר.',
  errorNetwork: 'לא הצלחנו להתחבר לשרת. נסו שוב.',
  errorTimeout: 'השרת לא הגיב בזמן. נסו שוב.',
};
