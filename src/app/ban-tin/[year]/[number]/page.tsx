import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { IssuePage } from '@/components/public/issue-page';
import { getIssueView } from '@/server/issues/queries';
import { parseIssueAddress } from '@/lib/route-params';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';

type Props = { params: Promise<{ year: string; number: string }> };

const loadIssue = cache(async (year: string, number: string) => {
  const address = parseIssueAddress({ year, number });
  return address ? getIssueView(address, { visibility: 'public' }) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, number } = await params;
  const issue = await loadIssue(year, number);
  if (!issue) return { title: 'Không tìm thấy số bản tin' };
  return {
    title: `Số ${formatIssueNumber(issue.number)} (${formatPeriod(issue.periodStart, issue.periodEnd)})`,
    description: `${issue.publication.mastheadTitle} — Số ${formatIssueNumber(issue.number)}, ${formatPeriod(issue.periodStart, issue.periodEnd)}.`,
  };
}

export default async function Page({ params }: Props) {
  const { year, number } = await params;
  const issue = await loadIssue(year, number);
  if (!issue) notFound();
  return (
    <SiteChrome>
      <IssuePage issue={issue} />
    </SiteChrome>
  );
}
