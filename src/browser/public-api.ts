// What both entries export: the npm entry (index.ts) and the script-tag bundle (script-tag.ts).
export { PushSmsFallback } from './push-sms-fallback.js';
export { defineElement, TAG, VERSION } from './define.js';
export * from './events.js';
export type { PushPermission, RegistrationRequest, ShowReason, Problem } from './contract.js';
export type { State, ShowWhen } from './push-state.js';
export type { Strings } from './strings.js';
