import 'server-only';
import { getDb } from '../db/client';
import { getDefaultPublicationId } from '../issues/composer-queries';
import { proposeNextIssue } from '../issues/numbering';
import { formatPeriod, formatTime, vietnamDay } from '@/lib/dates';
import { daysBetween } from '@/lib/calendar';
import type { ArticleStatus, IssueStatus } from '@/generated/prisma/enums';

// "Lịch": what happens on which day (Asia/Ho_Chi_Minh) between two days. An issue shows on the
// days of its period, on the day it starts and on the day it comes out; an article still to be
// approved for an issue shows on its due day (the issue's publishing day, else its period's
// end); the next issue the cadence proposes shows as planned.

export type CalendarEntry =
  | { kind: 'period'; label: string; status: IssueStatus | 'PROPOSED' }
  | { kind: 'issueStart'; label: string; href: string; status: IssueStatus | 'PROPOSED' }
  | { kind: 'release'; label: string; href: string; status: IssueStatus; time: string }
  | { kind: 'due'; label: string; href: string; status: ArticleStatus };

export type CalendarDays = Record<string, CalendarEntry[]>;

type IssueRow = {
  id: number | null;
  number: number;
  year: number;
  status: IssueStatus | 'PROPOSED';
  periodStart: string;
  periodEnd: string;
  publishAt: Date | null;
};

const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const issueName = (issue: { number: number; year: number }) => `Số ${String(issue.number).padStart(2, '0')}/${issue.year}`;

function issueEntries(days: CalendarDays, issue: IssueRow, from: string, to: string) {
  const name = issueName(issue);
  const proposed = issue.status === 'PROPOSED';
  const href = issue.id ? `/quan-tri/ban-tin/${issue.id}` : '/quan-tri/ban-tin/moi';
  const add = (day: string, entry: CalendarEntry) => {
    if (day >= from && day <= to) (days[day] ??= []).push(entry);
  };
  const start = issue.periodStart < from ? from : issue.periodStart;
  const end = issue.periodEnd > to ? to : issue.periodEnd;
  for (const day of start <= end ? daysBetween(start, end) : []) {
    if (day !== issue.periodStart) add(day, { kind: 'period', label: `Kỳ ${name}${proposed ? ' (dự kiến)' : ''}`, status: issue.status });
  }
  const period = formatPeriod(new Date(`${issue.periodStart}T00:00:00Z`), new Date(`${issue.periodEnd}T00:00:00Z`));
  add(issue.periodStart, {
    kind: 'issueStart',
    label: `${name}${proposed ? ' (dự kiến)' : ''}: kỳ ${period}`,
    href,
    status: issue.status,
  });
  if (issue.publishAt && issue.status !== 'PROPOSED' && issue.status !== 'DRAFT') {
    add(vietnamDay(issue.publishAt), {
      kind: 'release',
      label: `${name} xuất bản`,
      href,
      status: issue.status,
      time: formatTime(issue.publishAt),
    });
  }
}

export async function getCalendar(from: string, to: string, now = new Date()): Promise<CalendarDays> {
  const db = getDb();
  const fromDate = new Date(`${from}T00:00:00Z`);
  const toDate = new Date(`${to}T00:00:00Z`);
  // A day in Vietnam runs from 17:00 UTC the day before: widen the instant window by a day.
  const instantFrom = new Date(fromDate.getTime() - 86_400_000);
  const instantTo = new Date(toDate.getTime() + 2 * 86_400_000);
  const [issues, due] = await Promise.all([
    db.issue.findMany({
      where: {
        OR: [{ periodStart: { lte: toDate }, periodEnd: { gte: fromDate } }, { publishAt: { gte: instantFrom, lt: instantTo } }],
      },
      orderBy: [{ year: 'asc' }, { number: 'asc' }],
      select: { id: true, number: true, year: true, status: true, periodStart: true, periodEnd: true, publishAt: true },
    }),
    db.article.findMany({
      where: {
        status: { in: ['DRAFT', 'SUBMITTED'] },
        placement: { section: { issue: { status: { in: ['DRAFT', 'SCHEDULED'] } } } },
      },
      orderBy: { title: 'asc' },
      select: {
        id: true,
        title: true,
        status: true,
        placement: {
          select: { section: { select: { issue: { select: { number: true, year: true, periodEnd: true, publishAt: true } } } } },
        },
      },
    }),
  ]);
  const days: CalendarDays = {};
  for (const issue of issues) {
    issueEntries(days, { ...issue, periodStart: isoOf(issue.periodStart), periodEnd: isoOf(issue.periodEnd) }, from, to);
  }
  const proposal = await proposeNextIssue(await getDefaultPublicationId(), now);
  const alreadyThere = issues.some((issue) => issue.year === proposal.year && issue.number === proposal.number);
  if (!alreadyThere) issueEntries(days, { ...proposal, id: null, status: 'PROPOSED', publishAt: null }, from, to);
  for (const article of due) {
    const issue = article.placement!.section.issue;
    const day = issue.publishAt ? vietnamDay(issue.publishAt) : isoOf(issue.periodEnd);
    if (day < from || day > to) continue;
    (days[day] ??= []).push({
      kind: 'due',
      label: `Cần duyệt cho ${issueName(issue)}: “${article.title}”`,
      href: `/quan-tri/bai-viet/${article.id}`,
      status: article.status,
    });
  }
  return days;
}
