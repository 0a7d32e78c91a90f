import { NextResponse, type NextRequest } from 'next/server';
import { matchesEntityTag, nonceCsp, strictTransportSecurity } from '@/lib/http-headers';
import { getPublicBaseUrl } from '@/server/env';
import { getPageCache, isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';

// Not an authorization layer: every page and action checks the session itself. Two jobs:
// - Public pages (docs/decisions/011-public-page-cache.md): a page the page cache holds fresh is
//   sent from here, which costs half of going through Next's renderer; anything else goes on
//   to Next, which renders it (or answers the outage page) and stores it.
// - Pages rendered per request (editorial area, sign-in, search): a fresh nonce in a strict
//   Content-Security-Policy, which Next puts on its own scripts; with the database unreachable
//   they cannot work, and the outage page (503, Retry-After) answers at once.

const PER_REQUEST = /^\/(quan-tri|dang-nhap|tim-kiem)(\/|$)/;
// What Next's router varies a page on; a shared cache keeps the HTML apart from its RSC body.
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** Only a plain GET or HEAD of the address: a query string (`?trang=2` is rewritten later) goes to Next. */
function storedPage(request: NextRequest): NextResponse {
  const isPlain = (request.method === 'GET' || request.method === 'HEAD') && request.nextUrl.search === '';
  const page = isPlain ? getPageCache()?.store.findFresh(request.nextUrl.pathname) : null;
  if (!page) return NextResponse.next();
  const headers = { ...page.headers, ETag: page.etag, Vary: VARY, 'x-nextjs-cache': 'HIT', 'Content-Type': 'text/html; charset=utf-8' };
  if (matchesEntityTag(request.headers.get('if-none-match'), page.etag)) return new NextResponse(null, { status: 304, headers });
  // A view of the stored bytes, not a copy.
  const body = request.method === 'HEAD' ? null : new Uint8Array(page.body.buffer as ArrayBuffer, page.body.byteOffset, page.body.length);
  return new NextResponse(body, { headers: { ...headers, 'Content-Length': String(page.body.length) } });
}

export function proxy(request: NextRequest) {
  if (!PER_REQUEST.test(request.nextUrl.pathname)) return storedPage(request);
  if (!isDatabaseReachable()) return serviceUnavailableResponse();
  const policy = nonceCsp(Buffer.from(crypto.randomUUID()).toString('base64'));
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  const hsts = strictTransportSecurity(getPublicBaseUrl());
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

// Literal values: Next reads this statically. The public pages are those of next.config.ts
// CACHED_PAGES, asked for as HTML (Next's router asks with an `rsc` header).
export const config = {
  matcher: [
    '/quan-tri',
    '/quan-tri/:path*',
    '/dang-nhap',
    '/tim-kiem',
    { source: '/', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/ban-tin', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/ban-tin/:year/:number', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/bai-viet/:slug', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/chu-de/:slug', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/chu-de/:slug/trang/:page', missing: [{ type: 'header', key: 'rsc' }] },
  ],
};
