/** The body the element sends, for the server benchmarks: a fresh valid number per index. */
export const ORIGIN = 'https://shop.example';

/** Distinct valid UK mobile numbers: +447400000000 … +447400999999. */
const phone = (i: number) => `+447400${String(i % 1_000_000).padStart(6, '0')}`;

export function registrationBody(i: number, key: string): string {
  return JSON.stringify({
    phone: phone(i),
    country: 'GB',
    tags: { subscribed_to_push: 'false' },
    onesignalId: null,
    externalId: null,
    push: { supported: true, permission: 'denied', reason: 'denied' },
    consent: {
      text: 'Text me order alerts from Shop. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Consent is not a condition of purchase.',
      acceptedAt: new Date().toISOString(),
      pageUrl: `${ORIGIN}/checkout`,
      locale: 'en-GB',
    },
    idempotencyKey: key,
  });
}
