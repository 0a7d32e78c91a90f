import 'server-only';

/**
 * For route handlers that change state: true when a browser says the request comes from
 * this site. `Sec-Fetch-Site` when the browser sends it, else `Origin` against the host;
 * a request with neither did not come from a page of another site.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
