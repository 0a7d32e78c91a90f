import type { MetadataRoute } from 'next';
import { listPublicIssues } from '@/server/issues/queries';
import { listPublicArticleUrls } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
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
