import type { MetadataRoute } from 'next';
import { getPublicBaseUrl } from '@/server/env';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/quan-tri', '/dang-nhap', '/api/', '/tim-kiem'] },
    sitemap: `${getPublicBaseUrl()}/sitemap.xml`,
  };
}
