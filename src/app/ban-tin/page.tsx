import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteChrome } from '@/components/public/site-chrome';
import { listPublicIssues } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { isBuildPrerender } from '@/server/page-cache/build-phase';

// Rendered once per change and served from the page cache (src/server/page-cache).

export async function generateMetadata(): Promise<Metadata> {
  return { title: 'Các số bản tin', alternates: { canonical: `${getPublicBaseUrl()}/ban-tin` } };
}

export default async function ArchivePage() {
  if (isBuildPrerender()) return null;
  const issues = await listPublicIssues();
  const years = [...new Set(issues.map((issue) => issue.year))];
  return (
    <SiteChrome>
      <header className="page-header">
        <h1>Các số bản tin</h1>
      </header>
      {issues.length === 0 && <p className="empty-state">Chưa có số bản tin nào được xuất bản.</p>}
      {years.map((year) => (
        <section key={year} className="archive-year" aria-labelledby={`nam-${year}`}>
          <h2 id={`nam-${year}`}>Năm {year}</h2>
          <ul className="archive-list">
            {issues
              .filter((issue) => issue.year === year)
              .map((issue) => (
                <li key={issue.id}>
                  <Link className="archive-list__title" href={`/ban-tin/${issue.year}/${issue.number}`}>
                    Số {formatIssueNumber(issue.number)}
                  </Link>
                  <span className="archive-list__period">{formatPeriod(issue.periodStart, issue.periodEnd)}</span>
                  <span className="archive-list__count">{issue.articleCount} bài viết</span>
                  <a
                    className="archive-list__pdf"
                    href={`/ban-tin/${issue.year}/${issue.number}/pdf`}
                    aria-label={`Tải bản PDF số ${formatIssueNumber(issue.number)} năm ${issue.year}`}
                  >
                    Tải bản PDF
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </SiteChrome>
  );
}
