import type { MetadataRoute } from 'next';
import { getPublicBaseUrl } from '@/server/env';

// Rendered once and served from the page cache (src/server/page-cache), like every public page.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/quan-tri', '/dang-nhap', '/api/', '/tim-kiem'] },
    sitemap: `${getPublicBaseUrl()}/sitemap.xml`,
  };
}
