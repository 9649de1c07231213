// `npm start` as a newcomer meets it, in Chromium at 1280×800 and 390×844: what to do first, the
// claims on the page, the backend fault shown and reset, the log beside the form, the visitor
// controls from the first second, the transactional panel for the visitor on screen; and the form's
// default country in a browser given a time zone (the test runner's browsers cannot be).
// Needs dist/ (`npm run build`; `npm test` builds first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const PORT = 9300 + Math.floor(Math.random() * 500);
const BASE = `http://localhost:${PORT}`;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/push-sms-fallback.js`)) throw new Error('run `npm run build` first');
  server = spawn(`${ROOT}node_modules/.bin/tsx`, ['demo/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), ONESIGNAL_APP_ID: '', ONESIGNAL_API_KEY: '' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    server.stdout!.on('data', (d: Buffer) => d.toString().includes(BASE) && resolve()),
  );
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid);
});

async function open(
  viewport = { width: 1280, height: 800 },
  options: { timezoneId?: string; locale?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForSelector('push-sms-fallback[state=waiting]', { state: 'attached' });
  return page;
}

const inView = async (page: Page, selector: string) => {
  const box = await page.locator(selector).boundingBox();
  const { height } = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y < height && box.height > 0;
};

describe('the demo page', () => {
  it('tells a newcomer where to start, and the form then sits beside the log at 1280×800', async () => {
    const page = await open();
    await expect(page.locator('#hint').textContent()).resolves.toContain('press “Deny push”');
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.waitForSelector('push-sms-fallback[state=form]', { state: 'attached' });
    await page.locator('input[type=tel]').waitFor();
    expect(await inView(page, 'input[type=tel]')).toBe(true);
    expect(await inView(page, '#events')).toBe(true);
    expect(await page.locator('#events li').count()).toBeGreaterThan(0);
    // A long log line wraps inside its panel instead of widening it.
    const log = await page.locator('#events').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(log).toBe(true);
    await page.context().close();
  }, 60_000);

  it('shows the analytics calls as they happen, and "Identify as user-42" links the visitor to OneSignal', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.locator('input[type=tel]').waitFor();
    const calls = () => page.locator('#analytics').textContent();
    await expect.poll(calls).toContain('analytics.track("SMS Opt-in Shown"');
    await expect.poll(calls).toContain('"event":"push_sms_fallback_shown"');
    await expect.poll(calls).toContain('gtag("event", "push_sms_fallback_shown"');
    await page.getByRole('button', { name: 'Identify as user-42 (Segment)' }).click();
    await expect.poll(calls).toContain('analytics.identify("user-42")');
    await expect
      .poll(() => page.locator('#sdk').textContent())
      .toContain('"externalId": "user-42"');
    await page.context().close();
  }, 60_000);

  it('says what is true about the content below the element', async () => {
    const page = await open({ width: 390, height: 844 });
    const below = page.locator('#below');
    const before = (await below.boundingBox())!.y;
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.locator('input[type=tel]').waitFor();
    const after = (await below.boundingBox())!.y;
    const text = await below.textContent();
    // It moves when the form appears after an undecided visitor denies push, and says so.
    expect(after).toBeGreaterThan(before);
    expect(text).toContain('denying push later moves this down');
    expect(text).not.toContain('does not jump');
    await page.context().close();
  }, 60_000);

  it('shows the active backend fault, and "New visitor" resets it', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Down (network error)' }).click();
    await expect.poll(() => page.locator('#fault-now').textContent()).toContain('down');
    await expect(
      page.getByRole('button', { name: 'Down (network error)' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.reload();
    await expect.poll(() => page.locator('#fault-now').textContent()).toContain('down'); // it lives on the server, so the page says so after a reload
    await page.getByRole('button', { name: 'New visitor ↻' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('#fault-now').textContent()).toBe('answering normally');
    const log = (await (await fetch(`${BASE}/demo/log`)).json()) as { fault: { mode: string } };
    expect(log.fault.mode).toBe('none');
    await page.context().close();
  }, 60_000);

  it('reaches the STOP path from a button: the number texts STOP, and registering it again is refused', async () => {
    const page = await open();
    const register = async () => {
      await page.getByRole('button', { name: 'Deny push' }).click();
      await page.locator('input[type=tel]').fill('+447400123456');
      await page.locator('push-sms-fallback input[type=checkbox]').check();
      await page.locator('push-sms-fallback button[type=submit]').click();
    };
    await register();
    await page.waitForSelector('push-sms-fallback[state=done]', { state: 'attached' });
    await page.getByRole('button', { name: 'Text STOP from this phone' }).click();
    await expect.poll(() => page.locator('#phone-note').textContent()).toContain('STOP');
    await page.getByRole('button', { name: 'New visitor ↻' }).click();
    await page.waitForSelector('push-sms-fallback[state=waiting]', { state: 'attached' });
    await register();
    await expect.poll(() => page.locator('#form-error').textContent()).toContain('opted out');
    await page.context().close();
  }, 60_000);
});

describe('the visitor controls from the first second', () => {
  it('"Dismiss the prompt" says why it waits while OneSignal starts, then dismisses: the form with reason dismissed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    const dismiss = page.getByRole('button', { name: 'Dismiss the prompt' });
    await expect
      .poll(() => page.locator('#dismiss-note').textContent())
      .toContain('waits for OneSignal to start');
    expect(await dismiss.isDisabled()).toBe(true);
    await page.waitForSelector('push-sms-fallback[state=waiting]', { state: 'attached' });
    await expect.poll(() => dismiss.isEnabled()).toBe(true);
    await dismiss.click();
    await page.waitForSelector('push-sms-fallback[state=form]', { state: 'attached' });
    expect(await page.locator('#events').textContent()).toContain('"reason":"dismissed"');
    await context.close();
  }, 60_000);
});

describe('the transactional panel: the visitor on screen', () => {
  const sendOrder = (page: Page) =>
    page.getByRole('button', { name: 'Send "your order is ready"' }).click();
  const outcome = (page: Page) => page.locator('[data-outcome]').textContent();
  /** What the panel shows for the visitor the page has now. */
  const panelState = (page: Page) =>
    page.evaluate(async () => (await fetch('/demo/transactional/state')).json()) as Promise<{
      sent: { channel: string; text: string }[];
      reports: unknown[];
    }>;
  async function denyAndRegister(page: Page, phone: string): Promise<void> {
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.locator('input[type=tel]').fill(phone);
    await page.locator('push-sms-fallback input[type=checkbox]').check();
    await page.locator('push-sms-fallback button[type=submit]').click();
    await page.waitForSelector('push-sms-fallback[state=done]', { state: 'attached' });
  }

  it('a visitor who denied push and registered no number gets nothing, and the panel says so', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.waitForSelector('push-sms-fallback[state=form]', { state: 'attached' });
    await sendOrder(page);
    await expect.poll(() => outcome(page)).toContain('Nothing sent');
    expect(await page.locator('.simulated-push').count()).toBe(0);
    expect((await panelState(page)).sent).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a visitor who denied push gets the text by SMS at the number they registered, and no push', async () => {
    const page = await open();
    await denyAndRegister(page, '+447400123458');
    await sendOrder(page);
    await expect.poll(() => outcome(page)).toContain('by SMS');
    expect(await page.locator('.simulated-push').count()).toBe(0);
    const { sent } = await panelState(page);
    expect(sent.map((s) => s.channel)).toEqual(['sms']);
    await page.context().close();
  }, 60_000);

  it('a visitor who granted push, then blocked it, gets no push', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Grant push' }).click();
    await page.waitForSelector('push-sms-fallback[state=push]', { state: 'attached' });
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.waitForSelector('push-sms-fallback[state=form]', { state: 'attached' });
    await sendOrder(page);
    await expect.poll(() => outcome(page)).toContain('Nothing sent');
    expect(await page.locator('.simulated-push').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('a visitor who granted push sees the push', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Grant push' }).click();
    await page.waitForSelector('push-sms-fallback[state=push]', { state: 'attached' });
    await sendOrder(page);
    await page.locator('.simulated-push').waitFor();
    expect(await outcome(page)).toContain('Sent by push');
    expect((await panelState(page)).sent.map((s) => s.channel)).toEqual(['push']);
    await page.context().close();
  }, 60_000);

  it('"New visitor" starts the panel over', async () => {
    const page = await open();
    await denyAndRegister(page, '+447400123459');
    await sendOrder(page);
    await expect.poll(async () => (await panelState(page)).sent.length).toBe(1);
    await page.getByRole('button', { name: 'New visitor ↻' }).click();
    await page.waitForSelector('push-sms-fallback[state=waiting]', { state: 'attached' });
    expect(await panelState(page)).toEqual({ sent: [], reports: [] });
    await page.context().close();
  }, 60_000);
});

describe('the default country in a browser with a time zone', () => {
  async function countryFor(lang: string, timezoneId: string): Promise<string> {
    const page = await open({ width: 1280, height: 800 }, { timezoneId, locale: 'en-US' });
    await page.locator('#lang').selectOption(lang); // reloads with the element's lang
    await page.waitForSelector('push-sms-fallback[state=waiting]', { state: 'attached' });
    await page.getByRole('button', { name: 'Deny push' }).click();
    await page.locator('select#country').waitFor();
    const value = await page.locator('select#country').inputValue();
    await page.context().close();
    return value;
  }

  it('is Germany for lang="de" in Berlin, on an en-US browser', async () => {
    expect(await countryFor('de', 'Europe/Berlin')).toBe('DE');
  }, 60_000);

  it('is Mexico for lang="es" in Mexico City, on an en-US browser', async () => {
    expect(await countryFor('es', 'America/Mexico_City')).toBe('MX');
  }, 60_000);
});
