import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { JsonLd } from '@/components/public/json-ld';
import { ArticleList } from '@/components/public/article-list';
import { RichText } from '@/content/web-renderer';
import { findPublicArticle } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';
import { getSiteIdentity } from '@/server/publication/queries';
import { parseSlug } from '@/lib/route-params';
import { formatDate } from '@/lib/dates';
import { formatIssueNumber, formatSourceLine } from '@/lib/text';

type Props = { params: Promise<{ slug: string }> };

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
  const sourceLine = formatSourceLine(article.source);
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
            ? { '@type': 'PublicationIssue', issueNumber: String(article.issue.number), url: `${baseUrl}/ban-tin/${article.issue.year}/${article.issue.number}` }
            : undefined,
        }}
      />
      <article className="article-page" aria-labelledby="tieu-de-bai">
        <header className="article-page__header">
          <p className="article-page__kicker">
            {article.issue && (
              <Link href={`/ban-tin/${article.issue.year}/${article.issue.number}`}>
                Số {formatIssueNumber(article.issue.number)}/{article.issue.year}
              </Link>
            )}
            {article.section && <span> · {article.section}</span>}
          </p>
          <h1 id="tieu-de-bai">{article.title}</h1>
          {article.publishAt && (
            <p className="article-page__date">
              <time dateTime={article.publishAt.toISOString()}>{formatDate(article.publishAt)}</time>
            </p>
          )}
        </header>
        {article.lead && <p className="lead">{article.lead}</p>}
        <div className="prose">
          <RichText document={article.body} media={article.media} headingLevel={2} />
        </div>
        {sourceLine && <p className="source-line">{sourceLine}</p>}
        {article.tags.length > 0 && (
          <nav className="tag-list" aria-label="Chủ đề">
            <span className="tag-list__label">Chủ đề:</span>
            <ul>
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/chu-de/${tag.slug}`}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>
      {article.related.length > 0 && (
        <section className="related" aria-labelledby="bai-lien-quan">
          <h2 id="bai-lien-quan">Bài viết liên quan</h2>
          <ArticleList items={article.related} headingLevel={3} />
        </section>
      )}
    </SiteChrome>
  );
}
