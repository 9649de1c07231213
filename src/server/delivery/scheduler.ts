/**
 * The contract between the notifier and whatever keeps pending fallbacks: memory (one process),
 * BullMQ on Redis (`push-sms-fallback/server/bullmq`), or your own job system. The scheduler
 * stores each pending fallback with its evidence, and calls the notifier's `decide` once the
 * window has ended; the notifier does the OneSignal calls and reports the decision.
 */
import type { LanguageMap } from '../onesignal/client.js';

/** What the visitor's browser reported through a web push webhook. */
export type PushEvent = 'shown' | 'clicked';

/** One push waiting for its fallback decision. Plain JSON: schedulers may serialise it. */
export interface FallbackJob {
  /** The caller's key (or a random one): one decision per key. */
  idempotencyKey: string;
  /** The push's OneSignal id: webhooks and View message refer to it. */
  notificationId: string;
  externalId: string;
  /** The text the SMS repeats. */
  contents: LanguageMap;
  unless: 'received' | 'clicked';
  /** Epoch ms at which the window ends and the decision is due. */
  dueAt: number;
}

/** What is known about a pending fallback when it is decided. */
export interface FallbackState {
  /** `cancelFallback` was called. */
  cancelled: boolean;
  /** Webhook events recorded for the push, in arrival order, without repeats. */
  events: PushEvent[];
  /**
   * Called just before the SMS is sent. Atomically: false if the key was cancelled meanwhile
   * (then no SMS), otherwise marks it so `cancel` answers false from now on. Without it a
   * cancel during the decision may answer true while the SMS still goes.
   */
  commit?: () => Promise<boolean>;
}

/** What `decide` tells the scheduler to do with a due fallback. */
export type DecideOutcome =
  /**
   * Decided: the scheduler marks the key decided (it never runs again, and cancels and events
   * for it are refused), then calls `report`.
   */
  | { done: true; report: () => Promise<void> }
  /** OneSignal's View-message budget is spent: try again in `retryInMs`, and hold other view calls. */
  | { done: false; rateLimited: true; retryInMs: number }
  /** A transient failure: try this one again in `retryInMs`. */
  | { done: false; rateLimited: false; retryInMs: number };

export type DecideFallback = (job: FallbackJob, state: FallbackState) => Promise<DecideOutcome>;

/** Where `schedule` found the key. */
export type ScheduleResult = 'scheduled' | 'pending' | 'decided';

/**
 * A store of pending fallbacks with a timer. Implementations must make `schedule`,
 * `recordEvent` and `cancel` atomic per key, call `decide` for a key at most once at a time,
 * and keep decided keys (so a repeated `schedule` does nothing) for at least as long as
 * OneSignal keeps idempotency keys (30 days).
 */
export interface FallbackScheduler {
  /** Called once by `createNotifier` with the function that decides due fallbacks. */
  start(decide: DecideFallback): void;
  /** Stores the job and runs `decide` at `dueAt`, unless the key is already known. */
  schedule(job: FallbackJob): Promise<ScheduleResult>;
  /**
   * Marks a pending key cancelled. False when there is no pending fallback for it, or when its
   * decision has committed to the SMS (`FallbackState.commit`): true means no SMS.
   */
  cancel(idempotencyKey: string): Promise<boolean>;
  /**
   * Records a webhook event for a pending push. False (and nothing stored) when no pending
   * fallback has this notification id: a webhook can only inform a decision, never start one.
   */
  recordEvent(notificationId: string, event: PushEvent): Promise<boolean>;
  /** A budget shared by every process deciding for this app: 1 View-message call per token. */
  takeViewToken(): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Stops timers and workers; pending fallbacks stay (durable schedulers) or are lost (memory). */
  close(): Promise<void>;
}

/**
 * OneSignal: View message allows 1 request per second per app with a 10-second look-back, i.e.
 * at most 10 in any 10 s (a burst of 10, then 1 per second on average). OneSignal counts a
 * request when it arrives; the extra half second absorbs network jitter between workers.
 */
export const VIEW_MESSAGE_LIMIT = { limit: 10, windowMs: 10_500 } as const;

/**
 * A sliding-window log: `times` are the grants of the last window, oldest first (mutated).
 * Pure, so the memory budget uses it directly and the Redis one mirrors it in Lua.
 */
export function takeFromWindow(
  times: number[],
  now: number,
  rule: { limit: number; windowMs: number } = VIEW_MESSAGE_LIMIT,
): { allowed: boolean; retryAfterMs: number } {
  while (times.length > 0 && (times[0] ?? 0) <= now - rule.windowMs) times.shift();
  if (times.length < rule.limit) {
    times.push(now);
    return { allowed: true, retryAfterMs: 0 };
  }
  return { allowed: false, retryAfterMs: Math.max(1, (times[0] ?? now) + rule.windowMs - now) };
}

/** How long decided keys are remembered: OneSignal's idempotency window. */
export const DECIDED_RETENTION_MS = 30 * 24 * 3_600_000;
