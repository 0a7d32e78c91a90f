import type { MetadataRoute } from 'next';
import { listPublicIssues } from '@/server/issues/queries';
import { listPublicArticleUrls } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';
import { isBuildPrerender } from '@/server/page-cache/build-phase';

// Rendered once per change and served from the page cache (src/server/page-cache).
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  if (isBuildPrerender()) return [];
  const base = getPublicBaseUrl();
  const [issues, articles] = await Promise.all([listPublicIssues(), listPublicArticleUrls()]);
  return [
    { url: `${base}/`, changeFrequency: 'weekly' },
    { url: `${base}/ban-tin`, changeFrequency: 'weekly' },
    ...issues.map((issue) => ({
      url: `${base}/ban-tin/${issue.year}/${issue.number}`,
      lastModified: issue.publishAt ?? undefined,
    })),
    ...articles.map((article) => ({ url: `${base}/bai-viet/${article.slug}`, lastModified: article.updatedAt })),
  ];
}
