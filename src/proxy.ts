import { NextResponse, type NextRequest } from 'next/server';
import { isNestedDeeperThan } from '@/lib/json-depth';
import { nonceCsp, strictTransportSecurity } from '@/lib/http-headers';
import { getPublicBaseUrl } from '@/server/env';
import { getPageCache, isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';

// Not an authorization layer: every page, action and route handler checks the session itself.
// Three jobs, before Next decodes or renders anything:
// - Bodies Next's or React's decoding would crash on (nesting, src/lib/json-depth.ts; broken
//   JSON; control characters in multipart headers) are refused with a 400, never a 500.
// - Public pages (docs/decisions/011-public-page-cache.md): a page the page cache holds fresh is
//   sent from here, which costs half of going through Next's renderer; anything else goes on
//   to Next, which renders it (or answers the outage page) and stores it.
// - Pages rendered per request (editorial area, sign-in, search): a fresh nonce in a strict
//   Content-Security-Policy, which Next puts on its own scripts; with the database unreachable
//   they cannot work, and the outage page (503, Retry-After) answers at once.

const TOO_DEEP = 'Dữ liệu gửi lên lồng nhau quá sâu.';

function refuse(message: string, status: number): NextResponse {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

// A control character in a part's header (a NUL in a file name) makes Next's multipart
// parser throw, which answers 500.
const BAD_PART_HEADER = /\r\ncontent-disposition:[^\r\n]*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/i;

/** The texts React will decode (the whole body, or each text field of a form), or a refusal. */
async function decodedTexts(request: NextRequest): Promise<string[] | string> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const bytes = Buffer.from(await request.arrayBuffer());
    if (BAD_PART_HEADER.test(bytes.toString('latin1'))) return 'Tên tệp hoặc trường gửi lên có ký tự không hợp lệ.';
    try {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      return [...form.values()].filter((value): value is string => typeof value === 'string');
    } catch {
      return 'Biểu mẫu gửi lên không đọc được.';
    }
  }
  const text = await request.text();
  if (request.headers.has('next-action') && !isNestedDeeperThan(text)) {
    // React parses an action's text body as JSON, and a SyntaxError there is a 500.
    try {
      JSON.parse(text);
    } catch {
      return 'Dữ liệu gửi lên không đọc được.';
    }
  }
  return [text];
}

const PER_REQUEST = /^\/(quan-tri|dang-nhap|tim-kiem)(\/|$)/;
/** A stored page this server holds fresh (when scripts/server.mjs did not already send it); else on to Next. */
function storedPage(request: NextRequest): Response {
  const answer = getPageCache()?.answer({
    method: request.method,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    ifNoneMatch: request.headers.get('if-none-match'),
    isRsc: request.headers.has('rsc'),
  });
  if (!answer) return NextResponse.next();
  // A view of the stored bytes, not a copy.
  const body = answer.body && new Uint8Array(answer.body.buffer as ArrayBuffer, answer.body.byteOffset, answer.body.length);
  return new NextResponse(body, { status: answer.status, headers: answer.headers });
}

/** The same rule as the first two matchers below: upload routes stream their own bodies. */
function mayCarryActionArguments(request: NextRequest): boolean {
  if (/^\/(media\/|quan-tri\/api\/(media|import))/.test(request.nextUrl.pathname)) return false;
  const type = request.headers.get('content-type') ?? '';
  return request.headers.has('next-action') || /^(text\/plain|multipart\/form-data|application\/x-www-form-urlencoded)/.test(type);
}

export async function proxy(request: NextRequest): Promise<Response> {
  if (request.method === 'POST' && mayCarryActionArguments(request)) {
    const texts = await decodedTexts(request);
    if (typeof texts === 'string') return refuse(texts, 400);
    if (texts.some((text) => isNestedDeeperThan(text))) return refuse(TOO_DEEP, 400);
  }
  if (!PER_REQUEST.test(request.nextUrl.pathname)) return request.method === 'POST' ? NextResponse.next() : storedPage(request);
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

// Literal values: Next reads this statically. Bodies that can carry server-action arguments
// (every action call by its header, and forms: a no-JavaScript form posts an action without
// it; the image upload streams its own body with a byte cap), the per-request pages, and the
// public pages of next.config.ts CACHED_PAGES asked for as HTML (Next's router asks with `rsc`).
export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|media/|quan-tri/api/media|quan-tri/api/import|favicon.ico).*)',
      has: [{ type: 'header', key: 'next-action' }],
    },
    {
      source: '/((?!_next/static|_next/image|media/|quan-tri/api/media|quan-tri/api/import|favicon.ico).*)',
      has: [{ type: 'header', key: 'content-type', value: '(?:text/plain|multipart/form-data|application/x-www-form-urlencoded).*' }],
    },
    '/quan-tri',
    '/quan-tri/:path*',
    '/dang-nhap',
    '/tim-kiem',
    { source: '/', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/ban-tin', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/ban-tin/:year(\\d{4})', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/ban-tin/:year/:number', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/bai-viet/:slug', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/chu-de/:slug', missing: [{ type: 'header', key: 'rsc' }] },
    { source: '/chu-de/:slug/trang/:page', missing: [{ type: 'header', key: 'rsc' }] },
  ],
};
