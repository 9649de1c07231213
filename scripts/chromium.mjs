// Debian's Chromium, as every machine of this project has it (shared/machine.md): test tools
// cannot download browsers here. As root it needs --no-sandbox; on a closed network, the rest.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
