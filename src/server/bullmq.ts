/**
 * `push-sms-fallback/server/bullmq`: pending fallbacks as BullMQ delayed jobs on Redis.
 * `bullmq` is an optional peer dependency: only this entry imports it.
 */
export { createBullMqScheduler, type BullMqSchedulerOptions } from './delivery/bullmq.js';
