import Link from 'next/link';
import type { IssueSummary, PublicYear } from '@/server/issues/queries';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';

/**
 * The archive of one year: the index of every year with public issues (plain links, so it
 * works without JavaScript), then that year's issues, newest first.
 */
export function IssueArchive({ years, year, issues }: { years: PublicYear[]; year: number; issues: IssueSummary[] }) {
  return (
    <>
      <nav className="archive-years" aria-label="Các năm">
        <ul>
          {years.map((item) => (
            <li key={item.year}>
              <Link href={`/ban-tin/${item.year}`} aria-current={item.year === year ? 'page' : undefined}>
                {item.year}
                <span className="archive-years__count"> ({item.issueCount} số)</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="archive-year" aria-labelledby={`nam-${year}`}>
        <h2 id={`nam-${year}`}>Năm {year}</h2>
        <ul className="archive-list">
          {issues.map((issue) => (
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
    </>
  );
}
