import 'server-only';

const ADMIN_HOME = '/quan-tri';

/**
 * Where to go after signing in: the requested page when it is a site-relative address in
 * the admin area, otherwise the dashboard, so the sign-in page never sends anyone off-site.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.length > 2000) return ADMIN_HOME;
  // Backslashes and control characters are refused outright: browsers rewrite them in URLs.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return ADMIN_HOME;
  return /^\/quan-tri(?:[/?#]|$)/.test(raw) ? raw : ADMIN_HOME;
}
