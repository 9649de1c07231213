// WebKit (Safari's engine) for the browser tests: WebKitGTK's MiniBrowser driven by WebKitWebDriver
// (Debian's webkit2gtk-driver) on a private Xvfb display, since MiniBrowser has no headless mode.
// Each driver serves one session at a time, so every WebKit mode gets a driver of its own.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const onPath = (name) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));

/** What is missing to run WebKit here (Debian: `apt-get install webkit2gtk-driver xvfb`). */
export function webkitMissing() {
  return [
    !onPath('WebKitWebDriver') && 'WebKitWebDriver',
    !onPath('Xvfb') && 'Xvfb',
    !existsSync(MINIBROWSER) && 'MiniBrowser',
  ].filter(Boolean);
}

const children = [];
process.on('exit', () => children.forEach((child) => child.kill()));

function start(command, args, env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stderr.on('data', () => {}); // drained: a full pipe would stall the process
  return child;
}

/** Starts Xvfb on a display it picks itself (another Xvfb may hold :99) and resolves ":N". */
function startXvfb() {
  const xvfb = start('Xvfb', [
    '-displayfd',
    '1',
    '-screen',
    '0',
    '1280x1024x24',
    '-nolisten',
    'tcp',
  ]);
  return new Promise((resolve, reject) => {
    xvfb.stdout.once('data', (data) => resolve(`:${String(data).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function untilListening(port, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not yet listening
    }
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts one WebKitWebDriver on loopback, on an Xvfb display of its own, and resolves its port.
 * One display per mode: two MiniBrowser windows on one display take keyboard focus from each
 * other, and keyboard tests (Tab, focus rings) then fail in whichever window lost it.
 */
export async function startWebKitDriver() {
  const env = { ...process.env, DISPLAY: await startXvfb() };
  const port = await freePort();
  start('WebKitWebDriver', [`--port=${port}`, '--host=local'], env);
  await untilListening(port);
  return port;
}

/**
 * A WebKit launcher for web-test-runner. `push: true` turns on WebKitGTK's Push API (Safari on
 * macOS); without it the page has no Push API, as in a Safari tab on iOS.
 */
export function webkitLauncher({ push, port }) {
  const args = ['--automation', ...(push ? ['--features=+PushAPI'] : [])];
  const launcher = new WebKitLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } },
  });
  launcher.push = push;
  launcher.label = push ? 'WebKit (push)' : 'WebKit (no push)';
  return launcher;
}

class WebKitLauncher extends WebdriverLauncher {
  // One session per driver: test files run one after another in the same window.
  concurrency = 1;

  async initialize(config) {
    await super.initialize({ ...config, concurrency: 1 });
    this.name = this.label;
  }

  // webdriverio presses every key of a `type` down before releasing any, and WebKitWebDriver then
  // drops repeated characters ("555" arrives as "5"): one key at a time.
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }
}
