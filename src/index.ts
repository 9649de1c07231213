// The npm entry: importing it registers <push-sms-fallback>.
import { defineElement } from './define.js';

export { PushSmsFallback } from './push-sms-fallback.js';
export { defineElement, TAG, VERSION } from './define.js';
export * from './events.js';
export type { PushPermission, RegistrationRequest, ShowReason, Problem } from './contract.js';
export type { State, ShowWhen } from './push-state.js';
export type { Strings } from './strings.js';

defineElement();
