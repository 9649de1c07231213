// Validates an outbound OneSignal request against the OpenAPI spec (5.12.0) and against our
// stricter rules: the spec marks almost nothing required and allows any tag value.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const SPEC_PATH = fileURLToPath(
  new URL('../../../shared/reference/onesignal-openapi.json', import.meta.url),
);

interface Operation {
  requestBody?: { content?: { 'application/json'?: { schema?: { $ref?: string } } } };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
// OpenAPI 3.0 is not plain JSON Schema: `nullable` is understood by Ajv itself; `example`,
// `x-…` and `discriminator` are not validation keywords, hence strict: false. Formats are
// checked by our own rules below.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(spec, 'onesignal');

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

const strictRules: Record<string, object> = {
  // The opt-out look-up: no body (checked below), and never a number in clear in the path.
  get_user: {},
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

const ROUTES: { method: string; template: string; operation: string }[] = [];
for (const [template, ops] of Object.entries(spec.paths)) {
  for (const method of Object.keys(ops)) {
    const op = ops[method] as Operation & { operationId?: string };
    if (op.operationId)
      ROUTES.push({ method: method.toUpperCase(), template, operation: op.operationId });
  }
}

function match(method: string, path: string) {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const re = new RegExp(`^${route.template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(path)) return route;
  }
  return undefined;
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: object): ValidateFunction {
  let v = compiled.get(key);
  if (!v) compiled.set(key, (v = ajv.compile(schema)));
  return v;
}

/** Problems with one request; empty when it is fine. */
export function outboundProblems(
  req: CapturedRequest,
  expected: { apiKey: string; appId: string },
): string[] {
  const problems: string[] = [];
  const url = new URL(req.url);
  const route = match(req.method, url.pathname);
  if (!route) return [`${req.method} ${url.pathname} is not an operation of the spec`];
  const op = spec.paths[route.template]?.[route.method.toLowerCase()] ?? {};

  if (req.headers.authorization !== `Key ${expected.apiKey}`) {
    problems.push('Authorization must be "Key <App API key>"');
  }
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    problems.push('Content-Type must be application/json');
  }
  const appInPath = /^\/apps\/([^/]+)/.exec(url.pathname)?.[1];
  if (appInPath !== undefined && appInPath !== expected.appId)
    problems.push('wrong app id in path');

  const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
  if (ref) {
    const specCheck = validator(ref, { $ref: `onesignal${ref}` });
    if (!specCheck(req.body)) problems.push(`spec ${ref}: ${ajv.errorsText(specCheck.errors)}`);
  }
  const strict = strictRules[route.operation];
  if (!strict) {
    problems.push(`${route.operation} is not a call this package should make`);
  } else {
    const strictCheck = validator(`strict:${route.operation}`, strict);
    if (!strictCheck(req.body)) {
      problems.push(`strict ${route.operation}: ${ajv.errorsText(strictCheck.errors)}`);
    }
  }
  if (route.operation === 'get_user') {
    if (req.body !== undefined) problems.push('View user carries no body');
    if (/\+?[0-9]{7,15}$/.test(decodeURIComponent(url.pathname))) {
      problems.push('a phone number in clear in the path');
    }
  }
  if (route.operation === 'create_notification') {
    const body = req.body as { app_id?: string };
    if (body.app_id !== expected.appId) problems.push('app_id must be the configured app');
  }
  return problems;
}

/** A fetch that records each request as sent, then passes it to `next`. */
export function capturingFetch(next: typeof fetch, into: CapturedRequest[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    into.push({
      method: request.method,
      url: request.url,
      headers,
      body: text ? JSON.parse(text) : undefined,
    });
    return next(request);
  };
}
