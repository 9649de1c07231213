// Serves the browser-test fixtures named `test/fixtures/csp-*.html` with a strict
// Content-Security-Policy, as a careful site would: scripts and styles only from this origin, no
// inline script or style, no eval. Violations are reported to the page as
// `securitypolicyviolation` events, which the fixtures record.
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export function strictCsp() {
  return async (ctx, next) => {
    await next();
    if (/^\/test\/fixtures\/csp-[\w-]+\.html$/.test(ctx.path)) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
    }
  };
}
