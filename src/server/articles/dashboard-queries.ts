import 'server-only';
import { getDb } from '../db/client';
import type { PermissionActor } from '../permissions';
import { listSelect, toListItem, type EditorialListItem } from './editorial-queries';
import type { Prisma } from '@/generated/prisma/client';

// The dashboard: one person's work in progress and the issues under way.

export const DASHBOARD_LIST_SIZE = 10;

export type DashboardIssue = { id: number; number: number; year: number; publishAt: Date | null; articleCount: number };

export type Dashboard = {
  /** The newest issue still being composed, if any. */
  composingIssue: DashboardIssue | null;
  scheduledIssues: DashboardIssue[];
  myDrafts: EditorialListItem[];
  returnedToMe: EditorialListItem[];
  /** Null for someone who cannot approve: the list is not theirs to see. */
  waitingForApproval: EditorialListItem[] | null;
  recentlyPublished: EditorialListItem[];
};

/** The dashboard's lists for one person. A returned article is listed once, under "returned". */
export async function getDashboard(actor: PermissionActor, canApprove: boolean): Promise<Dashboard> {
  const db = getDb();
  const recent = { orderBy: [{ updatedAt: 'desc' as const }, { id: 'desc' as const }], take: DASHBOARD_LIST_SIZE, select: listSelect };
  const issueSelect = {
    id: true,
    number: true,
    year: true,
    publishAt: true,
    sections: { select: { _count: { select: { placements: true } } } },
  } as const;
  const toIssue = ({ sections, ...issue }: Prisma.IssueGetPayload<{ select: typeof issueSelect }>): DashboardIssue => ({
    ...issue,
    articleCount: sections.reduce((sum, section) => sum + section._count.placements, 0),
  });
  const [composingIssue, scheduledIssues, myDrafts, returnedToMe, waitingForApproval, recentlyPublished] = await Promise.all([
    db.issue.findFirst({ where: { status: 'DRAFT' }, orderBy: [{ year: 'desc' }, { number: 'desc' }], select: issueSelect }),
    db.issue.findMany({ where: { status: 'SCHEDULED' }, orderBy: { publishAt: 'asc' }, take: DASHBOARD_LIST_SIZE, select: issueSelect }),
    db.article.findMany({ ...recent, where: { authorId: actor.id, status: 'DRAFT', returnComment: null } }),
    db.article.findMany({ ...recent, where: { authorId: actor.id, status: 'DRAFT', returnComment: { not: null } } }),
    canApprove ? db.article.findMany({ ...recent, where: { status: 'SUBMITTED' }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }] }) : null,
    db.article.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_LIST_SIZE,
      select: listSelect,
    }),
  ]);
  return {
    composingIssue: composingIssue ? toIssue(composingIssue) : null,
    scheduledIssues: scheduledIssues.map(toIssue),
    myDrafts: myDrafts.map(toListItem),
    returnedToMe: returnedToMe.map(toListItem),
    waitingForApproval: waitingForApproval?.map(toListItem) ?? null,
    recentlyPublished: recentlyPublished.map(toListItem),
  };
}
