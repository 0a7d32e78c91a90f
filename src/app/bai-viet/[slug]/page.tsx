import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { JsonLd } from '@/components/public/json-ld';
import { ArticleList } from '@/components/public/article-list';
import { ArticleBody } from '@/components/public/article-body';
import { findPublicArticle } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';
import { getSiteIdentity } from '@/server/publication/queries';
import { parseSlug } from '@/lib/route-params';

type Props = { params: Promise<{ slug: string }> };

// Rendered on its first request, then served from the page cache until a change (src/server/page-cache).
export function generateStaticParams() {
  return [];
}

const lookup = cache(async (rawSlug: string) => {
  const slug = parseSlug(rawSlug);
  return slug ? findPublicArticle(slug) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).slug);
  if (found?.kind !== 'article') return { title: 'Không tìm thấy bài viết' };
  const { article } = found;
  const url = `${getPublicBaseUrl()}/bai-viet/${article.slug}`;
  const description = article.lead?.slice(0, 300) ?? undefined;
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      locale: 'vi_VN',
      publishedTime: article.publishAt?.toISOString(),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: 'summary', title: article.title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  const found = await lookup((await params).slug);
  if (!found) notFound();
  if (found.kind === 'redirect') permanentRedirect(`/bai-viet/${found.slug}`);
  const { article } = found;
  const site = await getSiteIdentity();
  const baseUrl = getPublicBaseUrl();
  return (
    <SiteChrome>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.title,
          description: article.lead ?? undefined,
          datePublished: article.publishAt?.toISOString(),
          dateModified: article.updatedAt.toISOString(),
          inLanguage: 'vi',
          mainEntityOfPage: `${baseUrl}/bai-viet/${article.slug}`,
          keywords: article.tags.map((t) => t.name).join(', ') || undefined,
          publisher: site ? { '@type': 'GovernmentOrganization', name: site.agencyName } : undefined,
          isPartOf: article.issue
            ? {
                '@type': 'PublicationIssue',
                issueNumber: String(article.issue.number),
                url: `${baseUrl}/ban-tin/${article.issue.year}/${article.issue.number}`,
              }
            : undefined,
        }}
      />
      <ArticleBody article={article} />
      {article.related.length > 0 && (
        <section className="related" aria-labelledby="bai-lien-quan">
          <h2 id="bai-lien-quan">Bài viết liên quan</h2>
          <ArticleList items={article.related} headingLevel={3} />
        </section>
      )}
    </SiteChrome>
  );
}
