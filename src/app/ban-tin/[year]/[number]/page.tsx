import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { IssuePage } from '@/components/public/issue-page';
import Link from 'next/link';
import { JsonLd } from '@/components/public/json-ld';
import { getAdjacentPublicIssues, getIssueView } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { parseIssueAddress } from '@/lib/route-params';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';

type Props = { params: Promise<{ year: string; number: string }> };

// No issue is rendered by the build: each is rendered on its first request, then served from
// the page cache until a change (src/server/page-cache).
export function generateStaticParams() {
  return [];
}

const loadIssue = cache(async (year: string, number: string) => {
  const address = parseIssueAddress({ year, number });
  return address ? getIssueView(address, { visibility: 'public' }) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, number } = await params;
  const issue = await loadIssue(year, number);
  if (!issue) return { title: 'Không tìm thấy số bản tin' };
  const title = `Số ${formatIssueNumber(issue.number)} (${formatPeriod(issue.periodStart, issue.periodEnd)})`;
  const description = `${issue.publication.mastheadTitle} — Số ${formatIssueNumber(issue.number)}, ${formatPeriod(issue.periodStart, issue.periodEnd)}.`;
  const url = `${getPublicBaseUrl()}/ban-tin/${issue.year}/${issue.number}`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'website', url, title, description, locale: 'vi_VN' },
    twitter: { card: 'summary', title, description },
  };
}

export default async function Page({ params }: Props) {
  const { year, number } = await params;
  const issue = await loadIssue(year, number);
  if (!issue) notFound();
  const { previous, next } = await getAdjacentPublicIssues(issue);
  const base = getPublicBaseUrl();
  return (
    <SiteChrome>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'PublicationIssue',
          issueNumber: String(issue.number),
          datePublished: issue.publishAt?.toISOString(),
          url: `${base}/ban-tin/${issue.year}/${issue.number}`,
          inLanguage: 'vi',
          isPartOf: {
            '@type': 'Periodical',
            name: issue.publication.mastheadTitle,
            publisher: { '@type': 'GovernmentOrganization', name: issue.publication.agencyName },
          },
          hasPart: issue.sections.flatMap((section) =>
            section.articles.map((article) => ({
              '@type': 'NewsArticle',
              headline: article.title,
              url: `${base}/bai-viet/${article.slug}`,
            })),
          ),
        }}
      />
      <IssuePage issue={issue} />
      <nav className="issue-nav" aria-label="Các số khác">
        {previous ? (
          <Link href={`/ban-tin/${previous.year}/${previous.number}`} rel="prev">
            ← Số trước: Số {formatIssueNumber(previous.number)}/{previous.year}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/ban-tin/${next.year}/${next.number}`} rel="next">
            Số sau: Số {formatIssueNumber(next.number)}/{next.year} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </SiteChrome>
  );
}
