import { linkOneSignal, type OneSignalLink, type PushFacts } from '../push/onesignal.js';
import { detectPushSupport } from '../push/push-support.js';
import { decidePush, type PushDecision, type ShowWhen } from '../push/push-state.js';
import { PushSmsFallbackPermissionEvent } from './events.js';

const UNKNOWN: PushFacts = {
  sdk: 'loading',
  permission: 'default',
  optedIn: false,
  subscribed: false,
  onesignalId: null,
  dismissed: false,
  stalled: false,
};

export interface WatchOptions {
  appId?: string | undefined;
  sdkSrc: string;
  timeoutMs: number;
}

/**
 * The element's side of push: whether this browser has it, what OneSignal says about this
 * visitor (live), and the two things that follow every change: the permission event, told once
 * per change, and the push tag, kept right. The element only asks it for a decision.
 */
export class PushWatch {
  facts: PushFacts = UNKNOWN;
  supported = true;
  private link?: OneSignalLink | undefined;
  private announced?: string;

  constructor(
    private readonly host: HTMLElement,
    private readonly changed: () => void,
  ) {}

  /** Tests push support and links OneSignal, which calls `changed` with every new fact. */
  start({ appId, sdkSrc, timeoutMs }: WatchOptions): void {
    this.supported = detectPushSupport().supported;
    if (!this.supported) return;
    this.link = linkOneSignal({
      ...(appId ? { appId } : {}),
      sdkSrc,
      timeoutMs,
      onChange: (facts) => {
        this.facts = facts;
        this.changed();
      },
    });
    this.facts = this.link.facts();
  }

  stop(): void {
    this.link?.disconnect();
    this.link = undefined;
  }

  /** What push says now; tells the page of a permission change and keeps `tagKey` right. */
  decide(showWhen: ShowWhen, tagKey: string): PushDecision {
    this.announce();
    this.link?.syncTag(tagKey, this.facts.subscribed ? 'true' : 'false');
    return decidePush(this.supported, this.facts, showWhen);
  }

  private announce(): void {
    const { sdk, permission, optedIn } = this.facts;
    if (this.supported && sdk === 'loading') return;
    const detail = {
      supported: this.supported,
      permission,
      optedIn,
      sdk: sdk === 'ready' ? ('ready' as const) : ('unavailable' as const),
    };
    const key = JSON.stringify(detail);
    if (key === this.announced) return;
    this.announced = key;
    this.host.dispatchEvent(new PushSmsFallbackPermissionEvent(detail));
  }
}
