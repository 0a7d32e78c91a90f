import { listRecentPublicArticles } from '@/server/articles/queries';
import { listPublicIssues } from '@/server/issues/queries';
import { getSiteIdentity } from '@/server/publication/queries';
import { getPublicBaseUrl } from '@/server/env';
import { escapeXml } from '@/lib/xml';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { isBuildPrerender } from '@/server/page-cache/build-phase';

// Rendered once per change and served from the page cache (src/server/page-cache); its
// Cache-Control comes from next.config.ts like every public page's.
export const dynamic = 'force-static';

type FeedItem = { title: string; link: string; description: string; date: Date | null };

// RSS 2.0 of the newest public articles and issues; every text is escaped.
export async function GET() {
  if (isBuildPrerender()) return new Response(null, { status: 204 });
  const [site, articles, issues] = await Promise.all([getSiteIdentity(), listRecentPublicArticles(30), listPublicIssues({ take: 10 })]);
  const base = getPublicBaseUrl();
  const items: FeedItem[] = [
    ...issues.map((issue) => ({
      title: `Số ${formatIssueNumber(issue.number)}/${issue.year} (${formatPeriod(issue.periodStart, issue.periodEnd)})`,
      link: `${base}/ban-tin/${issue.year}/${issue.number}`,
      description: `${issue.articleCount} bài viết`,
      date: issue.publishAt,
    })),
    ...articles.map((article) => ({
      title: article.title,
      link: `${base}/bai-viet/${article.slug}`,
      description: article.lead ?? '',
      date: article.publishAt,
    })),
  ].sort((a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0));

  const channelTitle = site?.mastheadTitle ?? 'Bản tin Cải cách hành chính';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(channelTitle)}</title>
<link>${escapeXml(base)}/</link>
<description>${escapeXml(site?.creditLine ?? channelTitle)}</description>
<language>vi</language>
<atom:link href="${escapeXml(base)}/rss.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    (item) => `<item>
<title>${escapeXml(item.title)}</title>
<link>${escapeXml(item.link)}</link>
<guid isPermaLink="true">${escapeXml(item.link)}</guid>
<description>${escapeXml(item.description)}</description>
${item.date ? `<pubDate>${item.date.toUTCString()}</pubDate>` : ''}
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
