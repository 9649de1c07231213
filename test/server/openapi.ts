// Validates an outbound OneSignal request against the project's schema of the endpoints it
// calls (test/server/onesignal-endpoints.ts) and, where ../shared/reference/onesignal-openapi.json
// sits beside the clone (as in CI), against OneSignal's full OpenAPI spec (5.12.0) too.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { ENDPOINTS, type Endpoint } from './onesignal-endpoints.js';

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
  operationId?: string;
  requestBody?: { content?: { 'application/json'?: { schema?: { $ref?: string } } } };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

const spec = existsSync(SPEC_PATH) ? (JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec) : null;
/** Which checks run, for the test output. */
export const CHECKS = spec
  ? "the project's endpoint schema and OneSignal's full OpenAPI spec"
  : `the project's endpoint schema only (no ${SPEC_PATH})`;

// OpenAPI 3.0 is not plain JSON Schema: `nullable` is understood by Ajv itself; `example`,
// `x-…` and `discriminator` are not validation keywords, hence strict: false. Formats are
// checked by the project's schema.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
if (spec) ajv.addSchema(spec, 'onesignal');

/** The spec's body schema of an endpoint; throws when the spec does not have it as we call it. */
function specBody(endpoint: Endpoint): string | undefined {
  const op = spec?.paths[endpoint.template]?.[endpoint.method.toLowerCase()];
  if (spec && op?.operationId !== endpoint.operation) {
    throw new Error(
      `${endpoint.method} ${endpoint.template} is not ${endpoint.operation} in the spec`,
    );
  }
  return op?.requestBody?.content?.['application/json']?.schema?.$ref;
}

const ROUTES = ENDPOINTS.map((endpoint) => ({
  ...endpoint,
  path: new RegExp(`^${endpoint.template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  specRef: specBody(endpoint),
}));

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
  const route = ROUTES.find((r) => r.method === req.method && r.path.test(url.pathname));
  if (!route) return [`${req.method} ${url.pathname} is not an operation this package calls`];

  if (req.headers.authorization !== `Key ${expected.apiKey}`) {
    problems.push('Authorization must be "Key <App API key>"');
  }
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    problems.push('Content-Type must be application/json');
  }
  const appInPath = /^\/apps\/([^/]+)/.exec(url.pathname)?.[1];
  if (appInPath !== undefined && appInPath !== expected.appId)
    problems.push('wrong app id in path');

  if (route.specRef) {
    const specCheck = validator(route.specRef, { $ref: `onesignal${route.specRef}` });
    if (!specCheck(req.body)) {
      problems.push(`spec ${route.specRef}: ${ajv.errorsText(specCheck.errors)}`);
    }
  }
  if (route.operation === 'get_user' && /\+?[0-9]{7,15}$/.test(decodeURIComponent(url.pathname))) {
    problems.push('a phone number in clear in the path');
  }
  if (req.method === 'GET') {
    if (req.body !== undefined) problems.push(`${route.operation} carries no body`);
  } else {
    const bodyCheck = validator(route.operation, route.body);
    if (!bodyCheck(req.body)) {
      problems.push(`${route.operation}: ${ajv.errorsText(bodyCheck.errors)}`);
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
