/**
 * Whether a browser without web push would get it from the Home Screen: iPhone and iPad Safari
 * (and the other iOS browsers, which can add to the Home Screen since iOS 16.4) outside a Home
 * Screen web app. Not the in-app webviews of Facebook, Instagram, LINE and the like, which cannot
 * add to the Home Screen, nor other touch devices. Loaded only where push is unsupported.
 */
const IN_APP_WEBVIEW =
  /FBAN|FBAV|FB_IAB|Instagram|\bLine\/|MicroMessenger|Snapchat|GSA\/|LinkedInApp|Pinterest|Twitter|musical_ly|BytedanceWebview/i;

/** Pure: the user agent, `navigator.maxTouchPoints`, and whether the page runs as a Home Screen app. */
export function needsHomeScreen(userAgent: string, maxTouchPoints: number, standalone: boolean) {
  // iPadOS Safari asks for desktop sites by default: a "Macintosh" with a touch screen.
  const ios =
    /\b(iPhone|iPad|iPod)\b/.test(userAgent) ||
    (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  // WKWebViews inside apps leave out Safari's "Safari/<version>" token, or add their own.
  return ios && !standalone && /\bSafari\//.test(userAgent) && !IN_APP_WEBVIEW.test(userAgent);
}

/** The `hint` of the show event in this browser. */
export function iosHint(): 'ios-home-screen' | undefined {
  const nav = navigator as Navigator & { standalone?: boolean };
  const standalone = !!nav.standalone || !!matchMedia('(display-mode: standalone)').matches;
  return needsHomeScreen(nav.userAgent, nav.maxTouchPoints, standalone)
    ? 'ios-home-screen'
    : undefined;
}
