// Whether a browser without web push gets the "add to Home Screen" hint, from real user agents.
import { describe, expect, test } from 'vitest';
import { needsHomeScreen } from '../../src/browser/element/ios-hint.js';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const hint: [string, string, number][] = [
  ['iPhone Safari', `${IPHONE} Version/17.4 Mobile/15E148 Safari/604.1`, 5],
  [
    'iPad Safari (mobile site)',
    'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
    5,
  ],
  [
    'iPadOS Safari asking for the desktop site',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
    5,
  ],
  ['Chrome on iPhone', `${IPHONE} CriOS/122.0.6261.89 Mobile/15E148 Safari/604.1`, 5],
  ['Firefox on iPhone', `${IPHONE} FxiOS/123.0 Mobile/15E148 Safari/605.1.15`, 5],
];
const noHint: [string, string, number][] = [
  [
    'Facebook on iPhone',
    `${IPHONE} Mobile/15E148 [FBAN/FBIOS;FBAV/453.0.0.36.107;FBBV/578417445;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]`,
    5,
  ],
  [
    'Instagram on iPhone',
    `${IPHONE} Mobile/15E148 Instagram 323.0.3.23.54 (iPhone14,5; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 577210397)`,
    5,
  ],
  ['LINE on iPhone', `${IPHONE} Mobile/15E148 Safari Line/14.3.0`, 5],
  [
    'WeChat on iPhone',
    `${IPHONE} Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/en`,
    5,
  ],
  ['the Google app on iPhone', `${IPHONE} GSA/305.0.612574364 Mobile/15E148 Safari/604.1`, 5],
  ['a plain WKWebView in an app', `${IPHONE} Mobile/15E148`, 5],
  [
    'Mac Safari (no touch screen)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
    0,
  ],
  [
    'Chrome on an Android phone',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.90 Mobile Safari/537.36',
    5,
  ],
  [
    'Samsung Internet on an Android tablet',
    'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Safari/537.36',
    10,
  ],
  [
    'the Facebook webview on Android',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.90 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/453.0.0.48.108;]',
    5,
  ],
];

describe('needsHomeScreen', () => {
  test.each(hint)('%s outside a Home Screen app: the hint', (_, userAgent, touchPoints) => {
    expect(needsHomeScreen(userAgent, touchPoints, false)).toBe(true);
  });

  test.each(hint)('%s as a Home Screen app: no hint', (_, userAgent, touchPoints) => {
    expect(needsHomeScreen(userAgent, touchPoints, true)).toBe(false);
  });

  test.each(noHint)('%s: no hint', (_, userAgent, touchPoints) => {
    expect(needsHomeScreen(userAgent, touchPoints, false)).toBe(false);
  });
});
