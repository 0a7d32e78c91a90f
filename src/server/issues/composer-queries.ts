import 'server-only';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { EDITORIAL_PAGE_SIZE, pageWindow } from '@/lib/paging';
import { cleanText } from '@/lib/text';
import type { ArticleStatus, IssueStatus } from '@/generated/prisma/enums';

// What the editorial issue pages read: every issue whatever its status (the public reads go
// through queries.ts and the visibility rule), the layout the composer edits, and the
// approved articles that can still be added to an issue.

/** What identifies an issue in the editorial pages: number, period, status and publish time. */
const ISSUE_HEADING = { id: true, number: true, year: true, periodStart: true, periodEnd: true, status: true, publishAt: true } as const;

type IssueHeading = {
  id: number;
  number: number;
  year: number;
  periodStart: Date;
  periodEnd: Date;
  status: IssueStatus;
  publishAt: Date | null;
};

export type EditorialIssueSummary = IssueHeading & { articleCount: number };

export type EditorialIssuePage = { items: EditorialIssueSummary[]; page: number; pageCount: number; total: number };

/** One page of every issue of every publication, newest first, drafts included. */
export async function listIssuesForEditors(requestedPage = 1): Promise<EditorialIssuePage> {
  const db = getDb();
  const total = await db.issue.count();
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, EDITORIAL_PAGE_SIZE);
  const issues = await db.issue.findMany({
    // Walks the ("year", "number", "id") index backwards and stops after the page.
    orderBy: [{ year: 'desc' }, { number: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: {
      ...ISSUE_HEADING,
      sections: { select: { _count: { select: { placements: true } } } },
    },
  });
  const items = issues.map(({ sections, ...issue }) => ({
    ...issue,
    articleCount: sections.reduce((sum, section) => sum + section._count.placements, 0),
  }));
  return { items, page, pageCount, total };
}

/** The publication new issues belong to: the first one, as the public site shows it. */
export async function getDefaultPublicationId(): Promise<number> {
  const publication = await getDb().publication.findFirst({ orderBy: { id: 'asc' }, select: { id: true } });
  if (!publication) throw new NotFoundError('Chưa có ấn phẩm nào.');
  return publication.id;
}

export type ComposerArticle = { id: number; title: string; status: ArticleStatus };
export type ComposerSection = { id: number; title: string; articles: ComposerArticle[] };

export type ComposerIssue = IssueHeading & { version: number; sections: ComposerSection[] };

/** The issue's sections and articles in their order, with the version every change posts; null if unknown. */
export async function getComposerIssue(id: number): Promise<ComposerIssue | null> {
  const issue = await getDb().issue.findUnique({
    where: { id },
    select: {
      ...ISSUE_HEADING,
      version: true,
      sections: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          title: true,
          placements: {
            orderBy: [{ position: 'asc' }, { articleId: 'asc' }],
            select: { article: { select: { id: true, title: true, status: true } } },
          },
        },
      },
    },
  });
  if (!issue) return null;
  const { sections, ...rest } = issue;
  return {
    ...rest,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      articles: section.placements.map((placement) => placement.article),
    })),
  };
}

export type AddableArticle = { id: number; title: string; status: ArticleStatus; updatedAt: Date; tags: string[] };

export const ADDABLE_ARTICLES_LIMIT = 20;
const MAX_QUERY_CHARS = 200;

/**
 * Approved or published articles in no issue, most recently changed first, whose title or one
 * of whose tags contains the query, without regard to case or accents ("chuyen doi so" finds
 * "Chuyển đổi số"). An empty query lists them all (up to `take`).
 */
export async function searchAddableArticles(query: string, take = ADDABLE_ARTICLES_LIMIT): Promise<AddableArticle[]> {
  const text = cleanText(query).slice(0, MAX_QUERY_CHARS);
  const db = getDb();
  // search_normalize (the search migration) leaves only [a-z0-9 ], so LIKE has nothing to escape.
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH needle AS (SELECT btrim(public.search_normalize(${text})) AS value)
    SELECT a.id
    FROM "Article" a, needle
    WHERE a.status IN ('APPROVED', 'PUBLISHED')
      AND NOT EXISTS (SELECT 1 FROM "ArticlePlacement" p WHERE p."articleId" = a.id)
      AND (
        needle.value = ''
        OR public.search_normalize(a.title) LIKE '%' || needle.value || '%'
        OR EXISTS (
          SELECT 1 FROM "ArticleTag" at JOIN "Tag" t ON t.id = at."tagId"
          WHERE at."articleId" = a.id AND public.search_normalize(t.name) LIKE '%' || needle.value || '%'
        )
      )
    ORDER BY a."updatedAt" DESC, a.id DESC
    LIMIT ${take}`;
  const articles = await db.article.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
    },
  });
  const byId = new Map(articles.map(({ tags, ...article }) => [article.id, { ...article, tags: tags.map(({ tag }) => tag.name) }]));
  return rows.flatMap((row) => byId.get(row.id) ?? []);
}

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { DRAFT: 'Nháp', SCHEDULED: 'Đã lên lịch', PUBLISHED: 'Đã xuất bản' };
