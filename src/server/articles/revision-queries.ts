import 'server-only';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import type { ArticleContent } from './editorial-queries';
import { storedDocument } from '@/content/schema';
import type { RevisionKind } from '@/generated/prisma/enums';

// An article's revisions ("Phiên bản"): a page at a time, newest first, and one whole.

export const REVISION_PAGE_SIZE = 20;

export type RevisionSummary = { version: number; createdAt: Date; author: string | null; kind: RevisionKind };

export type RevisionPage = { items: RevisionSummary[]; page: number; pageCount: number; total: number };

export async function listRevisions(articleId: number, page = 1, pageSize = REVISION_PAGE_SIZE): Promise<RevisionPage> {
  const db = getDb();
  const total = await db.articleRevision.count({ where: { articleId } });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { version: 'desc' },
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: { version: true, createdAt: true, kind: true, author: { select: { name: true } } },
  });
  return {
    items: rows.map((row) => ({ version: row.version, createdAt: row.createdAt, kind: row.kind, author: row.author?.name ?? null })),
    page: current,
    pageCount,
    total,
  };
}

export type Revision = RevisionSummary & ArticleContent;

export async function getRevision(articleId: number, version: number): Promise<Revision> {
  const row = await getDb().articleRevision.findUnique({
    where: { articleId_version: { articleId, version } },
    include: { author: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError('Không tìm thấy phiên bản này.');
  return {
    version: row.version,
    createdAt: row.createdAt,
    kind: row.kind,
    author: row.author?.name ?? null,
    title: row.title,
    lead: row.lead,
    body: storedDocument(row.body),
    sourceAuthors: row.sourceAuthors,
    sourceOutlet: row.sourceOutlet,
    sourceUrl: row.sourceUrl,
  };
}

/** Every kept version number, newest first: what the compare form offers. */
export async function listRevisionVersions(articleId: number): Promise<number[]> {
  const rows = await getDb().articleRevision.findMany({ where: { articleId }, orderBy: { version: 'desc' }, select: { version: true } });
  return rows.map((row) => row.version);
}
