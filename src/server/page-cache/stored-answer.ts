import 'server-only';
import { EVERY_RESPONSE_HEADERS, matchesEntityTag, PUBLIC_PAGE_CACHE_CONTROL, SCRIPTLESS_CSP } from '@/lib/http-headers';
import type { PageStore } from './page-store';

// The answer for a public page this server holds fresh, complete with every header next.config.ts
// would add, so it can be sent before Next is involved: by scripts/server.mjs (the cheapest
// path, through the page cache's runtime on globalThis) and by src/proxy.ts for servers started
// otherwise. Anything else (a query string, Next's router asking for RSC, not stored, stale) is
// null and goes to Next.

// What Next's router varies a page on; a shared cache keeps the HTML apart from its RSC body.
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

export type StoredAnswer = { status: 200 | 304; headers: Record<string, string>; body: Uint8Array | null };

export type StoredRequest = { method: string; pathname: string; search: string; ifNoneMatch: string | null; isRsc: boolean };

export function storedAnswer(store: PageStore, request: StoredRequest): StoredAnswer | null {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.search !== '' || request.isRsc) return null;
  const page = store.findFresh(request.pathname);
  if (!page) return null;
  const headers = {
    ...EVERY_RESPONSE_HEADERS,
    'Content-Security-Policy': SCRIPTLESS_CSP,
    'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL,
    ...page.headers,
    ETag: page.etag,
    Vary: VARY,
    'x-nextjs-cache': 'HIT',
    'Content-Type': 'text/html; charset=utf-8',
  };
  if (matchesEntityTag(request.ifNoneMatch, page.etag)) return { status: 304, headers, body: null };
  const body = request.method === 'HEAD' ? null : page.body;
  return { status: 200, headers: { ...headers, 'Content-Length': String(page.body.length) }, body };
}
