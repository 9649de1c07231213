// `push-sms-fallback/react`: the React 18 component, rendered with react-dom in the browser.
// Props reach the element as properties, and each of the six events reaches its `on*` handler.
import { expect } from '@open-wc/testing';
import { createElement, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { PushSmsFallback, PushSmsFallbackElement } from '../../src/react.js';
import { until } from '../support/onesignal-page.js';
import {
  BLOCKED_SDK,
  APP_ID,
  cleanUp,
  endpoint,
  fillAndSubmit,
  formReady,
  received,
  shadow,
  stateIs,
} from '../support/element.js';

type Props = ComponentProps<typeof PushSmsFallback>;

let root: Root | undefined;
let container: HTMLElement | undefined;
let renders = 0;

/**
 * Renders `<PushSmsFallback {...props} />` (again, when already rendered) and returns the element
 * once React has committed this render: its `id` marks which render the DOM shows.
 */
async function render(props: Props): Promise<PushSmsFallbackElement> {
  if (!container) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  const id = `render-${++renders}`;
  root!.render(createElement(PushSmsFallback, { ...props, id }));
  return until(
    () => container!.querySelector<PushSmsFallbackElement>(`push-sms-fallback#${id}`),
    `React to commit ${id}`,
  );
}

/** Handlers that record what they receive, by prop name. */
function recorder() {
  const calls: Record<string, Event[]> = {};
  const handler =
    (name: string) =>
    (event: Event): void => {
      (calls[name] ??= []).push(event);
    };
  return {
    calls,
    props: {
      onPermission: handler('onPermission'),
      onShow: handler('onShow'),
      onSubmit: handler('onSubmit'),
      onSuccess: handler('onSuccess'),
      onError: handler('onError'),
      onDismiss: handler('onDismiss'),
    },
  };
}

const visitor = (url: string): Props => ({
  appId: APP_ID,
  sdkSrc: '/blocked.js',
  endpoint: url,
  programName: 'Acme Coffee',
  termsUrl: '/terms',
  privacyUrl: '/privacy',
});

describe('push-sms-fallback/react (React 18)', () => {
  afterEach(async () => {
    root?.unmount();
    container?.remove();
    root = container = undefined;
    await cleanUp();
  });

  it('renders the registered element and sets its props as properties', async () => {
    const { url } = endpoint();
    const el = await render({ ...visitor(url), countries: ['US', 'CA'], defaultCountry: 'CA' });
    expect(el).to.be.instanceOf(PushSmsFallbackElement);
    expect(customElements.get('push-sms-fallback')).to.equal(PushSmsFallbackElement);
    expect(el.appId).to.equal(APP_ID);
    expect(el.endpoint).to.equal(url);
    await stateIs(el, 'form');
    await formReady(el);
    // The full country list follows the first paint of the form.
    await until(() => shadow<HTMLSelectElement>(el, 'select')!.options.length === 2, 'the list');
    const options = [...shadow<HTMLSelectElement>(el, 'select')!.options].map((o) => o.value);
    expect(options).to.have.members(['US', 'CA']);
    expect(shadow<HTMLSelectElement>(el, 'select')!.value).to.equal('CA');
    expect(shadow(el, 'form')!.textContent).to.contain('Acme Coffee');
  });

  it('calls onPermission, onShow, onError, onSubmit and onSuccess with the typed events', async () => {
    const { id, url } = endpoint('201');
    const { calls, props } = recorder();
    const el = await render({ ...visitor(url), defaultCountry: 'GB', ...props });
    await until(() => calls['onShow'], 'onShow');
    expect(calls['onPermission']![0]).to.have.nested.property('detail.sdk', 'unavailable');
    expect(calls['onShow']![0]).to.have.nested.property('detail.reason', BLOCKED_SDK.reason);

    await fillAndSubmit(el, { phone: '12' });
    await until(() => calls['onError'], 'onError');
    expect(calls['onError']![0]).to.have.nested.property('detail.code', 'invalid-phone');

    await fillAndSubmit(el, { phone: '07400 123456' });
    await until(() => calls['onSuccess'], 'onSuccess');
    expect((calls['onSubmit']![0] as CustomEvent).detail).to.deep.equal({
      phone: '+447400123456',
      country: 'GB',
    });
    expect(calls['onSuccess']![0]).to.have.nested.property('detail.status', 201);
    expect(calls['onSuccess']![0]!.type).to.equal('push-sms-fallback-success');
    expect((await received(id)).map((r) => r.body.phone)).to.deep.equal(['+447400123456']);
  });

  it('calls onDismiss, and uses the latest handler after a re-render', async () => {
    const first = recorder();
    const second = recorder();
    const el = await render({ ...visitor(endpoint().url), ...first.props });
    await formReady(el);
    await render({ ...visitor(endpoint().url), ...second.props });
    shadow<HTMLButtonElement>(el, 'button[part=dismiss]')!.click();
    await stateIs(el, 'dismissed');
    expect(second.calls['onDismiss']?.length).to.equal(1);
    expect(first.calls['onDismiss']).to.equal(undefined);
  });

  it('lets onShow keep the form hidden by cancelling the event', async () => {
    const shown: string[] = [];
    const el = await render({
      ...visitor(endpoint().url),
      onShow: (event) => {
        shown.push(event.detail.reason);
        event.preventDefault();
      },
    });
    await until(() => shown.length, 'onShow');
    await stateIs(el, 'waiting');
    expect(shadow(el, 'input[type=tel]')).to.equal(null);
  });
});
