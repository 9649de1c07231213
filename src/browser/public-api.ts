// What both entries export: the npm entry (index.ts) and the script-tag bundle (script-tag.ts).
export { PushSmsFallback } from './element/push-sms-fallback.js';
export { defineElement, TAG, VERSION } from './element/define.js';
export * from './element/events.js';
export type { PushPermission, RegistrationRequest, ShowReason, Problem } from '../wire/contract.js';
export type { State, ShowWhen } from './push/push-state.js';
export type { Strings } from './locales/strings.js';
