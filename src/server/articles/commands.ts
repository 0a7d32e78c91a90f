import 'server-only';
import { z } from 'zod';
import { getDb, type Transaction } from '../db/client';
import { assertCan, can, ForbiddenError, type PermissionActor } from '../permissions';
import { ConflictError, NotFoundError, TransitionError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { canEditArticle } from './abilities';
import { parseRichDocument, referencedMediaIds } from '@/content/schema';
import { articleFieldsSchema, returnCommentSchema, versionSchema } from '@/schemas/article';
import { slugify, uniqueSlug } from '@/lib/slug';
import type { Article, Prisma } from '@/generated/prisma/client';

// Every write to an article: permission, strict input, optimistic concurrency (the version the
// editor started from), a revision per saved version and an audit event, in one transaction.

export type ArticleVersion = { id: number; slug: string; version: number; status: Article['status'] };

type ArticleSnapshot = {
  version: number;
  title: string;
  lead: string | null;
  body: unknown;
  updatedAt: Date;
};

const CONFLICT_MESSAGE =
  'Bài viết vừa được người khác lưu. Nội dung của bạn vẫn được giữ trong trình soạn thảo; hãy xem bản mới nhất rồi lưu lại.';

async function validatedBody(tx: Transaction, body: unknown) {
  const checked = parseRichDocument(body ?? { type: 'doc', content: [] });
  if (!checked.ok) throw new ValidationError(checked.message, { body: checked.message });
  const mediaIds = referencedMediaIds(checked.document);
  if (mediaIds.length) {
    const found = await tx.media.count({ where: { id: { in: mediaIds } } });
    if (found !== mediaIds.length)
      throw new ValidationError('Nội dung có ảnh không còn trong thư viện ảnh.', { body: 'Ảnh không tồn tại.' });
  }
  return { document: checked.document, mediaIds };
}

async function tagIdsFor(tx: Transaction, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of new Set(names)) {
    const slug = slugify(name);
    if (!slug) throw new ValidationError(`Chủ đề “${name}” cần có chữ hoặc số.`, { tags: 'Chủ đề không hợp lệ.' });
    const tag = await tx.tag.upsert({ where: { slug }, create: { name, slug }, update: {}, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}

export function audit(tx: Transaction, actor: PermissionActor, action: string, articleId: number, data?: Prisma.InputJsonValue) {
  return tx.auditEvent.create({ data: { actorId: actor.id, action, entityType: 'article', entityId: String(articleId), data } });
}

async function loadForUpdate(tx: Transaction, id: number): Promise<Article> {
  // FOR UPDATE serialises concurrent writers on the row; the version check then decides.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Không tìm thấy bài viết.');
  return tx.article.findUniqueOrThrow({ where: { id } });
}

function assertVersion(article: Article, expectedVersion: number) {
  if (article.version !== expectedVersion) {
    const current: ArticleSnapshot = {
      version: article.version,
      title: article.title,
      lead: article.lead,
      body: article.body,
      updatedAt: article.updatedAt,
    };
    throw new ConflictError(CONFLICT_MESSAGE, current);
  }
}

function assertCanEdit(actor: PermissionActor, article: Article) {
  if (!canEditArticle(actor, article)) throw new ForbiddenError('article.editOthersBeforeApproval');
}

type ParsedFields = z.output<typeof articleFieldsSchema>;

/** The columns an article and each of its revisions share. */
function contentColumns(fields: ParsedFields, body: Prisma.InputJsonValue) {
  return {
    title: fields.title,
    lead: fields.lead,
    body,
    sourceAuthors: fields.sourceAuthors,
    sourceOutlet: fields.sourceOutlet,
    sourceUrl: fields.sourceUrl,
  };
}

/** A slug is taken by a live article or kept as an old address of one. */
export async function isSlugTaken(tx: Transaction, slug: string): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.articleSlugRedirect.findUnique({ where: { slug }, select: { slug: true } }),
  ]);
  return Boolean(article ?? redirect);
}

function statusAfterEdit(actor: PermissionActor, article: Article): Article['status'] {
  // Approval is bound to a version: changing an approved text needs approval again.
  if (article.status === 'APPROVED') return 'SUBMITTED';
  // The author taking back a submitted article to change it.
  if (article.status === 'SUBMITTED' && article.authorId === actor.id) return 'DRAFT';
  return article.status;
}

const createSchema = articleFieldsSchema;

export async function createArticle(actor: PermissionActor, input: unknown): Promise<ArticleVersion> {
  assertCan(actor, 'article.create');
  const fields = parseInput(createSchema, input);
  return getDb().$transaction(async (tx) => {
    const { document, mediaIds } = await validatedBody(tx, fields.body);
    const slug = await uniqueSlug(slugify(fields.title), (candidate) => isSlugTaken(tx, candidate));
    const content = contentColumns(fields, document as unknown as Prisma.InputJsonValue);
    const tagIds = await tagIdsFor(tx, fields.tags);
    const article = await tx.article.create({
      data: {
        ...content,
        slug,
        authorId: actor.id,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        media: { create: mediaIds.map((mediaId) => ({ mediaId })) },
        revisions: { create: { ...content, version: 1, authorId: actor.id } },
      },
    });
    await audit(tx, actor, 'article.created', article.id);
    return { id: article.id, slug: article.slug, version: article.version, status: article.status };
  });
}

const saveSchema = articleFieldsSchema.extend({ expectedVersion: versionSchema });

/**
 * Saves the article's content on top of `expectedVersion`. A save based on an older version
 * is refused with ConflictError carrying the newer text, so nothing is silently overwritten.
 */
export async function saveArticle(actor: PermissionActor, id: number, input: unknown): Promise<ArticleVersion> {
  const { expectedVersion, ...fields } = parseInput(saveSchema, input);
  return getDb().$transaction(async (tx) => {
    const article = await loadForUpdate(tx, id);
    assertCanEdit(actor, article);
    assertVersion(article, expectedVersion);
    const { document, mediaIds } = await validatedBody(tx, fields.body);
    const content = contentColumns(fields, document as unknown as Prisma.InputJsonValue);
    // The URL follows the title until the article is first published; then it stays.
    const slug =
      article.publishedAt !== null || fields.title === article.title
        ? article.slug
        : await uniqueSlug(slugify(fields.title), async (candidate) => candidate !== article.slug && (await isSlugTaken(tx, candidate)));
    const status = statusAfterEdit(actor, article);
    const version = article.version + 1;
    const tagIds = await tagIdsFor(tx, fields.tags);
    await tx.article.update({
      where: { id },
      data: {
        ...content,
        slug,
        status,
        version,
        tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) },
        media: { deleteMany: {}, create: mediaIds.map((mediaId) => ({ mediaId })) },
        revisions: { create: { ...content, version, authorId: actor.id } },
      },
    });
    await audit(tx, actor, 'article.saved', id, { version, statusBefore: article.status, statusAfter: status });
    return { id, slug, version, status };
  });
}

type Transition = {
  action: 'article.submit' | 'article.approve' | 'article.return' | 'article.publish' | 'article.unpublish';
  from: Article['status'][];
  to: Article['status'];
  auditAction: string;
  refusal: string;
};

const TRANSITIONS = {
  submit: {
    action: 'article.submit',
    from: ['DRAFT'],
    to: 'SUBMITTED',
    auditAction: 'article.submitted',
    refusal: 'Chỉ gửi duyệt được bài đang là Nháp.',
  },
  approve: {
    action: 'article.approve',
    from: ['SUBMITTED'],
    to: 'APPROVED',
    auditAction: 'article.approved',
    refusal: 'Chỉ duyệt được bài đang Chờ duyệt.',
  },
  return: {
    action: 'article.return',
    from: ['SUBMITTED', 'APPROVED'],
    to: 'DRAFT',
    auditAction: 'article.returned',
    refusal: 'Chỉ trả lại được bài Chờ duyệt hoặc Đã duyệt.',
  },
  publish: {
    action: 'article.publish',
    from: ['APPROVED'],
    to: 'PUBLISHED',
    auditAction: 'article.published',
    refusal: 'Chỉ xuất bản được bài Đã duyệt.',
  },
  // Back to draft, not to approved: an approved article of a public issue would stay visible.
  unpublish: {
    action: 'article.unpublish',
    from: ['PUBLISHED'],
    to: 'DRAFT',
    auditAction: 'article.unpublished',
    refusal: 'Bài viết chưa được xuất bản.',
  },
} satisfies Record<string, Transition>;

const transitionSchema = z.strictObject({ expectedVersion: versionSchema });
const returnSchema = z.strictObject({ expectedVersion: versionSchema, comment: returnCommentSchema });
const unpublishSchema = z.strictObject({ expectedVersion: versionSchema, reason: returnCommentSchema });

async function transition(
  actor: PermissionActor,
  id: number,
  step: Transition,
  expectedVersion: number,
  extra: (article: Article, now: Date) => Prisma.ArticleUpdateInput,
  auditData?: Prisma.InputJsonValue,
): Promise<ArticleVersion> {
  if (!can(actor, step.action)) {
    // A refused workflow step is worth knowing about: it is a replayed or forged request.
    await getDb().auditEvent.create({
      data: { actorId: actor.id, action: 'article.denied', entityType: 'article', entityId: String(id), data: { attempted: step.action } },
    });
    assertCan(actor, step.action);
  }
  return getDb().$transaction(async (tx) => {
    const article = await loadForUpdate(tx, id);
    if (
      step.action === 'article.submit' &&
      !can(actor, 'article.editOwnDraft', article) &&
      !can(actor, 'article.editOthersBeforeApproval', article)
    ) {
      throw new ForbiddenError(step.action);
    }
    assertVersion(article, expectedVersion);
    if (!step.from.includes(article.status)) throw new TransitionError(step.refusal);
    const now = new Date();
    await tx.article.update({ where: { id }, data: { status: step.to, ...extra(article, now) } });
    await audit(tx, actor, step.auditAction, id, { version: article.version, ...(auditData as object | undefined) });
    return { id, slug: article.slug, version: article.version, status: step.to };
  });
}

export async function submitArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(actor, id, TRANSITIONS.submit, expectedVersion, () => ({ returnComment: null }));
}

/** Approves exactly the version the approver saw. */
export async function approveArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(actor, id, TRANSITIONS.approve, expectedVersion, (article) => ({
    approvedVersion: article.version,
    approvedBy: { connect: { id: actor.id } },
    returnComment: null,
  }));
}

export async function returnArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion, comment } = parseInput(returnSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.return,
    expectedVersion,
    () => ({ returnComment: comment, approvedVersion: null, approvedBy: { disconnect: true } }),
    { comment },
  );
}

export async function publishArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(actor, id, TRANSITIONS.publish, expectedVersion, (article, now) => ({
    publishAt: article.publishAt && article.publishAt < now ? article.publishAt : now,
    publishedAt: article.publishedAt ?? now,
  }));
}

export async function unpublishArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion, reason } = parseInput(unpublishSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.unpublish,
    expectedVersion,
    () => ({ publishAt: null, returnComment: reason, approvedVersion: null, approvedBy: { disconnect: true } }),
    { reason },
  );
}
