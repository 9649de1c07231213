// The OneSignal REST endpoints this package calls, and what their request bodies must be: the
// project's own schema, written from OneSignal's API reference (documentation.onesignal.com/
// reference: View user, Create user, Create subscription, Update user, Push/SMS "Create message",
// View message) and
// shared/reference/onesignal-rest.md. Stricter than OneSignal's OpenAPI spec, which marks almost
// nothing required and allows any tag value. It checks every request in the server tests, with
// or without the full spec beside the clone (test/server/openapi.ts).

const E164 = '^\\+[1-9][0-9]{6,14}$';
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

const smsSubscription = {
  type: 'object',
  required: ['type', 'token', 'enabled'],
  additionalProperties: false,
  properties: {
    type: { const: 'SMS' },
    token: { type: 'string', pattern: E164 },
    enabled: { const: true },
  },
};
const stringTags = {
  type: 'object',
  minProperties: 1,
  additionalProperties: { type: 'string' },
};

const BODIES = {
  // View user (the opt-out look-up) and View message (the delivery window): GETs, no body.
  get_user: {},
  get_notification: {},
  create_user: {
    type: 'object',
    required: ['identity', 'properties', 'subscriptions'],
    additionalProperties: false,
    properties: {
      identity: {
        type: 'object',
        minProperties: 1,
        // Never a phone number as an alias id.
        additionalProperties: {
          type: 'string',
          minLength: 1,
          not: { pattern: '^\\+?[0-9]{7,15}$' },
        },
      },
      properties: {
        type: 'object',
        required: ['tags'],
        additionalProperties: false,
        properties: {
          tags: stringTags,
          language: { type: 'string', pattern: '^[a-z]{2}$' },
          country: { type: 'string', pattern: '^[A-Z]{2}$' },
        },
      },
      subscriptions: { type: 'array', minItems: 1, maxItems: 1, items: smsSubscription },
    },
  },
  create_subscription: {
    type: 'object',
    required: ['subscription'],
    additionalProperties: false,
    properties: { subscription: smsSubscription },
  },
  update_user: {
    type: 'object',
    required: ['properties'],
    additionalProperties: false,
    properties: {
      properties: {
        type: 'object',
        required: ['tags'],
        additionalProperties: false,
        properties: { tags: stringTags },
      },
    },
  },
  create_notification: {
    type: 'object',
    required: ['app_id', 'target_channel', 'include_aliases', 'contents', 'idempotency_key'],
    properties: {
      app_id: { type: 'string', pattern: UUID },
      target_channel: { enum: ['push', 'sms'] },
      include_aliases: {
        type: 'object',
        minProperties: 1,
        additionalProperties: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
      },
      contents: {
        type: 'object',
        required: ['en'],
        additionalProperties: { type: 'string', minLength: 1 },
      },
      idempotency_key: { type: 'string', pattern: UUID },
      name: { type: 'string', minLength: 1, maxLength: 128 },
      include_phone_numbers: false,
      include_subscription_ids: false,
      included_segments: false,
    },
    if: { properties: { target_channel: { const: 'sms' } } },
    then: { required: ['name'] },
  },
};

export interface Endpoint {
  method: string;
  /** As in OneSignal's docs and OpenAPI spec, `{name}` for a path parameter. */
  template: string;
  /** OneSignal's operationId. */
  operation: keyof typeof BODIES;
  body: object;
}

const endpoint = (method: string, template: string, operation: keyof typeof BODIES): Endpoint => ({
  method,
  template,
  operation,
  body: BODIES[operation],
});

export const ENDPOINTS: readonly Endpoint[] = [
  endpoint('GET', '/apps/{app_id}/users/by/{alias_label}/{alias_id}', 'get_user'),
  endpoint('POST', '/apps/{app_id}/users', 'create_user'),
  endpoint(
    'POST',
    '/apps/{app_id}/users/by/{alias_label}/{alias_id}/subscriptions',
    'create_subscription',
  ),
  endpoint('PATCH', '/apps/{app_id}/users/by/{alias_label}/{alias_id}', 'update_user'),
  endpoint('POST', '/notifications', 'create_notification'),
  endpoint('GET', '/notifications/{notification_id}', 'get_notification'),
];
