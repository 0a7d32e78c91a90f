import 'server-only';
import type { z } from 'zod';
import type { Transaction } from '../db/client';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseRichDocument, referencedMediaIds } from '@/content/schema';
import { slugify } from '@/lib/slug';
import type { articleFieldsSchema, ArticleDraft, ConflictingVersion, SavedArticle } from '@/schemas/article';
import type { Article, ArticlePendingRevision, Prisma } from '@/generated/prisma/client';
import type { RevisionKind } from '@/generated/prisma/enums';

// The pieces every article write shares: the content columns, tags and images, the version an
// editor works from (the article's, or its pending revision's), and the conflict snapshot.

export type ParsedFields = z.output<typeof articleFieldsSchema>;

export const CONFLICT_MESSAGE =
  'Bài viết vừa được người khác lưu. Nội dung của bạn vẫn được giữ trong trình soạn thảo; các phần không trùng nhau đã được gộp, hãy chọn bản cho phần còn lại.';

/** The body checked against the rich-text schema, and the images it uses (which must exist). */
export async function validatedBody(tx: Transaction, body: unknown) {
  const checked = parseRichDocument(body ?? { type: 'doc', content: [] });
  if (!checked.ok) throw new ValidationError(checked.message, { body: checked.message });
  const mediaIds = referencedMediaIds(checked.document);
  if (mediaIds.length) {
    const found = await tx.media.count({ where: { id: { in: mediaIds } } });
    if (found !== mediaIds.length)
      throw new ValidationError('Nội dung có ảnh không còn trong thư viện ảnh.', { body: 'Ảnh không tồn tại.' });
  }
  return { document: checked.document as unknown as Prisma.InputJsonValue, mediaIds };
}

/** The columns an article, its revisions and its pending revision share. */
export function contentColumns(fields: ParsedFields, body: Prisma.InputJsonValue) {
  return {
    title: fields.title,
    lead: fields.lead,
    body,
    sourceAuthors: fields.sourceAuthors,
    sourceOutlet: fields.sourceOutlet,
    sourceUrl: fields.sourceUrl,
  };
}

export async function tagIdsFor(tx: Transaction, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of new Set(names)) {
    const slug = slugify(name);
    if (!slug) throw new ValidationError(`Chủ đề “${name}” cần có chữ hoặc số.`, { tags: 'Chủ đề không hợp lệ.' });
    const tag = await tx.tag.upsert({ where: { slug }, create: { name, slug }, update: {}, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}

/** The row locked for this transaction (concurrent writers wait), then read whole. */
export async function lockArticle(tx: Transaction, id: number): Promise<Article & { pendingRevision: ArticlePendingRevision | null }> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Không tìm thấy bài viết.');
  return tx.article.findUniqueOrThrow({ where: { id }, include: { pendingRevision: true } });
}

/**
 * Whether the article's text is committed to the public: published, or approved in a scheduled
 * issue. Such an article keeps that text until an approver publishes a revision.
 */
export async function isLiveArticle(tx: Transaction, article: Pick<Article, 'id' | 'status'>): Promise<boolean> {
  if (article.status === 'PUBLISHED') return true;
  if (article.status !== 'APPROVED') return false;
  const placed = await tx.articlePlacement.count({ where: { articleId: article.id, section: { issue: { status: 'SCHEDULED' } } } });
  return placed > 0;
}

type WithPending = Article & { pendingRevision: ArticlePendingRevision | null };

/** The version the editor's next save must start from. */
export const workingVersion = (article: WithPending) => article.pendingRevision?.version ?? article.version;

export function savedArticle(article: Pick<Article, 'id' | 'slug' | 'status'>, version: number, isLive: boolean, hasPending: boolean) {
  return {
    id: article.id,
    slug: article.slug,
    version,
    status: article.status,
    isLive,
    hasPendingRevision: hasPending,
  } satisfies SavedArticle;
}

async function tagNamesOf(tx: Transaction, articleId: number): Promise<string[]> {
  const tags = await tx.articleTag.findMany({ where: { articleId }, include: { tag: true }, orderBy: { tag: { name: 'asc' } } });
  return tags.map(({ tag }) => tag.name);
}

/** Stored columns as the form's fields (blank for "not set"). */
export function draftOf(
  row: Pick<Article, 'title' | 'lead' | 'body' | 'sourceAuthors' | 'sourceOutlet' | 'sourceUrl'>,
  tags: string[],
): ArticleDraft {
  return {
    title: row.title,
    lead: row.lead ?? '',
    body: row.body,
    sourceAuthors: row.sourceAuthors ?? '',
    sourceOutlet: row.sourceOutlet ?? '',
    sourceUrl: row.sourceUrl ?? '',
    tags,
  };
}

/** Refuses a save that did not start from the working version, handing over what is there now. */
export async function assertWorkingVersion(tx: Transaction, article: WithPending, expectedVersion: number): Promise<void> {
  if (workingVersion(article) === expectedVersion) return;
  const pending = article.pendingRevision;
  const current: ConflictingVersion = pending
    ? { version: pending.version, updatedAt: pending.updatedAt.toISOString(), ...draftOf(pending, pending.tags) }
    : { version: article.version, updatedAt: article.updatedAt.toISOString(), ...draftOf(article, await tagNamesOf(tx, article.id)) };
  throw new ConflictError(CONFLICT_MESSAGE, current);
}

const CHECKPOINT_INTERVAL_MS = 10 * 60_000;

/**
 * Which revision this save keeps, if any: always one when asked for ("Lưu nháp", restore),
 * otherwise (typing paused) at most one automatic checkpoint per ten minutes of editing.
 */
export async function revisionKindOf(tx: Transaction, articleId: number, mode: 'auto' | 'manual', now: Date): Promise<'CHECKPOINT' | null> {
  if (mode === 'manual') return null;
  const last = await tx.articleRevision.findFirst({ where: { articleId }, orderBy: { version: 'desc' }, select: { createdAt: true } });
  return !last || now.getTime() - last.createdAt.getTime() >= CHECKPOINT_INTERVAL_MS ? 'CHECKPOINT' : null;
}

/**
 * A revision of the article's current text, unless one exists: workflow steps keep what they
 * acted on (`kind` says which step), and a save by someone else first keeps the text it
 * replaces (REPLACED).
 */
export async function ensureRevision(tx: Transaction, article: Article, fallbackAuthorId: number, kind: RevisionKind): Promise<void> {
  await tx.articleRevision.upsert({
    where: { articleId_version: { articleId: article.id, version: article.version } },
    update: {},
    create: {
      articleId: article.id,
      version: article.version,
      title: article.title,
      lead: article.lead,
      body: article.body as Prisma.InputJsonValue,
      sourceAuthors: article.sourceAuthors,
      sourceOutlet: article.sourceOutlet,
      sourceUrl: article.sourceUrl,
      authorId: article.updatedById ?? fallbackAuthorId,
      kind,
    },
  });
}
