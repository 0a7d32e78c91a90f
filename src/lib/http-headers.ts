// Caching and security headers by route class, written once for next.config.ts, the proxy, the
// page cache and the file routes (docs/decisions/011-public-page-cache.md).

/**
 * Public pages and feeds: one in every app server's page cache, refreshed within 2 s of a
 * change; a proxy or CDN may keep a copy one second more (then revalidates it with its ETag),
 * so a reader behind one is never much staler than that either. Browsers always revalidate.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=1';

/** Public images and print PDFs: a shared cache revalidates every second, so unpublishing takes them away. */
export const PUBLIC_FILE_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, must-revalidate';

/** Anything that depends on a session, and every error. */
export const PRIVATE_NO_STORE = 'private, no-store';

type Directives = Record<string, readonly string[]>;

const render = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

// Inline styles stay allowed: the editor and the drag-and-drop composer set style attributes,
// which nonces cannot cover. Scripts are what a policy must hold.
const BASE: Directives = {
  'default-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Cached public pages are sent without any script (the page cache removes Next's), so none may run. */
export const SCRIPTLESS_CSP = render({ ...BASE, 'script-src': ["'none'"], 'connect-src': ["'none'"] });

/**
 * Pages rendered for each request (editorial area, sign-in, search): Next puts the request's
 * nonce on its own scripts; 'strict-dynamic' lets them load the chunks they need, and nothing
 * injected without the nonce runs.
 */
export function nonceCsp(nonce: string): string {
  return render({ ...BASE, 'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"], 'connect-src': ["'self'"] });
}

/** Sent with every response (next.config.ts headers and the stored pages alike). */
export const EVERY_RESPONSE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** HSTS (one year) when the site's public address is https; over http browsers ignore it anyway. */
export function strictTransportSecurity(publicBaseUrl: string): string | null {
  return publicBaseUrl.startsWith('https://') ? 'max-age=31536000' : null;
}

/** If-None-Match holds this entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEntityTag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}
