import type { Metadata } from 'next';
import { IssueArchive } from '@/components/public/issue-archive';
import { SiteChrome } from '@/components/public/site-chrome';
import { listPublicIssueYears, listPublicIssues } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { isBuildPrerender } from '@/server/page-cache/build-phase';

// Rendered once per change and served from the page cache (src/server/page-cache).

export async function generateMetadata(): Promise<Metadata> {
  return { title: 'Các số bản tin', alternates: { canonical: `${getPublicBaseUrl()}/ban-tin` } };
}

/** The year index and the newest year's issues; each year has its page, /ban-tin/{year}. */
export default async function ArchivePage() {
  if (isBuildPrerender()) return null;
  const years = await listPublicIssueYears();
  const newest = years[0]?.year;
  const issues = newest === undefined ? [] : await listPublicIssues({ year: newest });
  return (
    <SiteChrome>
      <header className="page-header">
        <h1>Các số bản tin</h1>
      </header>
      {newest === undefined ? (
        <p className="empty-state">Chưa có số bản tin nào được xuất bản.</p>
      ) : (
        <IssueArchive years={years} year={newest} issues={issues} />
      )}
    </SiteChrome>
  );
}
