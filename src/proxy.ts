import { NextResponse, type NextRequest } from 'next/server';
import { nonceCsp, strictTransportSecurity } from '@/lib/http-headers';
import { getPublicBaseUrl } from '@/server/env';
import { isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';

// Runs only for pages rendered per request (see `matcher`): the editorial area, sign-in and
// search. Not an authorization layer: every page and action checks the session itself.
// - A fresh nonce for each request in a strict Content-Security-Policy; Next reads it from the
//   request's policy and puts it on its own scripts (docs/decisions/011-public-page-cache.md).
// - With the database unreachable these pages cannot work: the outage page (503, Retry-After)
//   answers at once instead of an error after a timeout.

export function proxy(request: NextRequest) {
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

export const config = {
  matcher: ['/quan-tri', '/quan-tri/:path*', '/dang-nhap', '/tim-kiem'],
};
