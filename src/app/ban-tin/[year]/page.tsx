import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueArchive } from '@/components/public/issue-archive';
import { SiteChrome } from '@/components/public/site-chrome';
import { listPublicIssueYears, listPublicIssues } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { parseYear } from '@/lib/route-params';

// Rendered on its first request, then served from the page cache until a change (src/server/page-cache).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const year = parseYear((await params).year);
  if (year === null) return {};
  return { title: `Các số bản tin năm ${year}`, alternates: { canonical: `${getPublicBaseUrl()}/ban-tin/${year}` } };
}

/** One year of the archive; a year without public issues is a 404. */
export default async function ArchiveYearPage({ params }: Props) {
  const year = parseYear((await params).year);
  if (year === null) notFound();
  const [years, issues] = await Promise.all([listPublicIssueYears(), listPublicIssues({ year })]);
  if (issues.length === 0) notFound();
  return (
    <SiteChrome>
      <header className="page-header">
        <h1>Các số bản tin năm {year}</h1>
      </header>
      <IssueArchive years={years} year={year} issues={issues} />
    </SiteChrome>
  );
}
