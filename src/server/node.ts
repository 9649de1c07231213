/**
 * `push-sms-fallback/server/node`: runs the Fetch handler on Node's `http` server or in Express,
 * and a JSON Lines consent store for Node.
 */
export { toNodeHandler, type NodeHandlerOptions, type NodeListener } from './http/node.js';
export {
  createJsonLinesConsentStore,
  type JsonLinesConsentStore,
  type JsonLinesConsentStoreOptions,
} from './consent/json-lines-store.js';
