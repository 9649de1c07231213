import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { PushSmsFallbackShowEvent, PushSmsFallbackSuccessEvent } from 'push-sms-fallback';

@Component({
  selector: 'app-root',
  // Lets the template use <push-sms-fallback> and bind to its properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main
      id="example"
      data-framework="angular"
      [attr.data-last-event]="lastEvent()"
      [attr.data-show-reason]="showReason()"
    >
      <h1>Angular {{ registered() ? '— ' + registered() + ' registered' : '' }}</h1>
      <push-sms-fallback
        [appId]="appId"
        sdk-src="/blocked.js"
        endpoint="/mock/example-angular?script=201"
        program-name="Example Coffee"
        terms-url="/terms"
        privacy-url="/privacy"
        (push-sms-fallback-show)="onShow($event)"
        (push-sms-fallback-success)="onSuccess($event)"
      ></push-sms-fallback>
    </main>
  `,
})
export class AppComponent {
  // The app id is a placeholder and sdk-src points at nothing, as if an ad blocker stopped the
  // OneSignal SDK: the element shows the SMS form at once. The endpoint is the test runner's mock.
  protected readonly appId = '00000000-0000-4000-8000-000000000000';
  protected readonly lastEvent = signal('');
  protected readonly showReason = signal('');
  protected readonly registered = signal('');

  // With CUSTOM_ELEMENTS_SCHEMA, Angular types a custom element's $event as Event.
  protected onShow(event: Event): void {
    const { type, detail } = event as PushSmsFallbackShowEvent;
    this.lastEvent.set(type);
    this.showReason.set(detail.reason);
  }

  protected onSuccess(event: Event): void {
    const { type, detail } = event as PushSmsFallbackSuccessEvent;
    this.lastEvent.set(type);
    this.registered.set(detail.phone);
  }
}
