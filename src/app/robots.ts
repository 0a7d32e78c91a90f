import type { MetadataRoute } from 'next';
import { getPublicBaseUrl } from '@/server/env';

// Rendered once per server start (the public address is read then) and served from the page cache.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/quan-tri', '/dang-nhap', '/api/', '/tim-kiem'] },
    sitemap: `${getPublicBaseUrl()}/sitemap.xml`,
  };
}
