// The demo's signed-in shopper: an id in a cookie, which the sandbox backend reads the way a site
// reads its session (`resolveExternalId`), so the visitor's SMS sign-up and the transactional
// messages belong to the visitor on screen. "New visitor" gives a new id.
export const VISITOR_COOKIE = 'psf-demo-visitor';

/** The visitor id in a `Cookie` header, or null. */
export function visitorFrom(cookie: string | null | undefined): string | null {
  for (const pair of (cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === VISITOR_COOKIE && value) return decodeURIComponent(value);
  }
  return null;
}

/** In the page: the visitor's id, made on their first visit. */
export function visitorId(): string {
  return visitorFrom(document.cookie) ?? newVisitor();
}

/** In the page: a new visitor from now on. */
export function newVisitor(): string {
  const id = `visitor-${crypto.randomUUID()}`;
  document.cookie = `${VISITOR_COOKIE}=${id}; path=/; SameSite=Strict`;
  return id;
}
