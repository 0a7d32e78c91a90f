import Link from 'next/link';
import { SiteChrome } from '@/components/public/site-chrome';
import { IssuePage } from '@/components/public/issue-page';
import { getIssueView, listPublicIssues } from '@/server/issues/queries';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { isBuildPrerender } from '@/server/page-cache/build-phase';

// Rendered once per change and served from the page cache (src/server/page-cache).
export default async function HomePage() {
  if (isBuildPrerender()) return null;
  const recent = await listPublicIssues({ take: 6 });
  const latest = recent[0] ? await getIssueView({ id: recent[0].id }, { visibility: 'public' }) : null;
  return (
    <SiteChrome>
      {latest ? <IssuePage issue={latest} /> : <p className="empty-state">Chưa có số bản tin nào được xuất bản.</p>}
      {recent.length > 1 && (
        <section className="recent-issues" aria-labelledby="so-gan-day">
          <h2 id="so-gan-day">Các số gần đây</h2>
          <ul className="issue-cards">
            {recent.slice(1).map((issue) => (
              <li key={issue.id} className="issue-card">
                <Link href={`/ban-tin/${issue.year}/${issue.number}`}>
                  <span className="issue-card__number">Số {formatIssueNumber(issue.number)}</span>
                  <span className="issue-card__period">{formatPeriod(issue.periodStart, issue.periodEnd)}</span>
                  <span className="issue-card__count">{issue.articleCount} bài viết</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </SiteChrome>
  );
}
