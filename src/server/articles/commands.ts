import 'server-only';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { getDb, type Transaction } from '../db/client';
import { retryOnUniqueViolation } from '../db/unique';
import { NotFoundError, TransitionError } from '../errors';
import { assertCan, ForbiddenError, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { canEditArticle } from './abilities';
import {
  assertWorkingVersion,
  contentColumns,
  ensureRevision,
  isLiveArticle,
  lockArticle,
  revisionKindOf,
  savedArticle,
  tagIdsFor,
  validatedBody,
  type ParsedFields,
} from './content';
import { assertNotEditedByOther } from '../presence/lease';
import { articleFieldsSchema, saveModeSchema, versionSchema, type SavedArticle } from '@/schemas/article';
import { slugify, uniqueSlug } from '@/lib/slug';
import type { Article } from '@/generated/prisma/client';

// Writing an article's text: permission, strict input, optimistic concurrency (the version the
// editor started from) and an audit event, in one transaction. A live article (published, or
// approved in a scheduled issue) keeps its public text: edits go to its pending revision until
// an approver publishes it ("Xuất bản bản sửa").

/** A slug is taken by a live article or kept as an old address of one. */
export async function isSlugTaken(tx: Transaction, slug: string): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.articleSlugRedirect.findUnique({ where: { slug }, select: { slug: true } }),
  ]);
  return Boolean(article ?? redirect);
}

/** The URL follows the title until the article is first published; then it stays. */
async function slugAfterEdit(tx: Transaction, article: Article, title: string): Promise<string> {
  if (article.publishedAt !== null || title === article.title) return article.slug;
  return uniqueSlug(slugify(title), async (candidate) => candidate !== article.slug && (await isSlugTaken(tx, candidate)));
}

function assertCanEdit(actor: PermissionActor, article: Article) {
  if (!canEditArticle(actor, article)) throw new ForbiddenError('article.editOthersBeforeApproval');
}

export async function createArticle(actor: PermissionActor, input: unknown): Promise<SavedArticle> {
  assertCan(actor, 'article.create');
  const fields = parseInput(articleFieldsSchema, input);
  return retryOnUniqueViolation(() =>
    getDb().$transaction(async (tx) => {
      const { document, mediaIds } = await validatedBody(tx, fields.body);
      const slug = await uniqueSlug(slugify(fields.title), (candidate) => isSlugTaken(tx, candidate));
      const content = contentColumns(fields, document);
      const tagIds = await tagIdsFor(tx, fields.tags);
      const article = await tx.article.create({
        data: {
          ...content,
          slug,
          authorId: actor.id,
          updatedById: actor.id,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
          media: { create: mediaIds.map((mediaId) => ({ mediaId })) },
          revisions: { create: { ...content, version: 1, authorId: actor.id, kind: 'CREATED' } },
        },
      });
      await recordAudit(tx, { actorId: actor.id, action: 'article.created', entityType: 'article', entityId: article.id });
      return savedArticle(article, article.version, false, false);
    }),
  );
}

const saveSchema = articleFieldsSchema.extend({ expectedVersion: versionSchema, mode: saveModeSchema });

/**
 * Saves the editor's text on top of `expectedVersion`. A save based on an older version is
 * refused with ConflictError carrying the newer text, so nothing is silently overwritten.
 * An approved article changed needs approval again (Chờ duyệt); a submitted one stays in the
 * approver's queue, whose approval is bound to the version it saw.
 */
export async function saveArticle(actor: PermissionActor, id: number, input: unknown): Promise<SavedArticle> {
  const { expectedVersion, mode, ...fields } = parseInput(saveSchema, input);
  return retryOnUniqueViolation(() => getDb().$transaction((tx) => saveText(tx, actor, id, fields, expectedVersion, mode)));
}

async function saveText(
  tx: Transaction,
  actor: PermissionActor,
  id: number,
  fields: ParsedFields,
  expectedVersion: number,
  mode: 'auto' | 'manual',
  manualKind: 'SAVED' | 'RESTORED' = 'SAVED',
): Promise<SavedArticle> {
  const article = await lockArticle(tx, id);
  assertCanEdit(actor, article);
  const now = new Date();
  await assertNotEditedByOther(tx, id, actor.id, now);
  await assertWorkingVersion(tx, article, expectedVersion);
  const { document, mediaIds } = await validatedBody(tx, fields.body);
  const content = contentColumns(fields, document);
  const version = expectedVersion + 1;

  if (await isLiveArticle(tx, article)) {
    const revision = { ...content, tags: fields.tags, version, authorId: actor.id };
    await tx.articlePendingRevision.upsert({
      where: { articleId: id },
      create: { articleId: id, baseVersion: article.version, ...revision },
      update: revision,
    });
    if (mode === 'manual') {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'article.revisionSaved',
        entityType: 'article',
        entityId: id,
        data: { version, liveVersion: article.version },
      });
    }
    return savedArticle(article, version, true, true);
  }

  // A pending revision left from when the article was live lands on the article now.
  if (article.pendingRevision) await tx.articlePendingRevision.delete({ where: { articleId: id } });
  const status = article.status === 'APPROVED' ? 'SUBMITTED' : article.status;
  const reapproval = status !== article.status ? { approvedVersion: null, approvedById: null } : {};
  const slug = await slugAfterEdit(tx, article, fields.title);
  const tagIds = await tagIdsFor(tx, fields.tags);
  // Another person's unrevisioned autosave is kept before this text replaces it.
  if (article.updatedById !== null && article.updatedById !== actor.id) await ensureRevision(tx, article, actor.id, 'REPLACED');
  const revisionKind = mode === 'manual' ? manualKind : await revisionKindOf(tx, id, mode, now);
  await tx.article.update({
    where: { id },
    data: {
      ...content,
      ...reapproval,
      slug,
      status,
      version,
      updatedById: actor.id,
      tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) },
      media: { deleteMany: {}, create: mediaIds.map((mediaId) => ({ mediaId })) },
      // createdAt from the same clock as the checkpoint rule that reads it.
      ...(revisionKind ? { revisions: { create: { ...content, version, authorId: actor.id, kind: revisionKind, createdAt: now } } } : {}),
    },
  });
  if (revisionKind || status !== article.status) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.saved',
      entityType: 'article',
      entityId: id,
      data: { version, statusBefore: article.status, statusAfter: status, mode },
    });
  }
  return savedArticle({ id, slug, status }, version, false, false);
}

const restoreSchema = z.strictObject({ version: versionSchema, expectedVersion: versionSchema });

/** Saves an old revision's text (and today's tags) on top of the current version: nothing is lost. */
export async function restoreRevision(actor: PermissionActor, id: number, input: unknown): Promise<SavedArticle> {
  const { version, expectedVersion } = parseInput(restoreSchema, input);
  return getDb().$transaction(async (tx) => {
    const revision = await tx.articleRevision.findUnique({ where: { articleId_version: { articleId: id, version } } });
    if (!revision) throw new NotFoundError('Không tìm thấy phiên bản này.');
    const tags = await tx.articleTag.findMany({ where: { articleId: id }, include: { tag: true } });
    const fields = { ...revision, tags: tags.map(({ tag }) => tag.name) };
    const saved = await saveText(tx, actor, id, fields, expectedVersion, 'manual', 'RESTORED');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.restored',
      entityType: 'article',
      entityId: id,
      data: { from: version, version: saved.version },
    });
    return saved;
  });
}

const revisionStepSchema = z.strictObject({ expectedVersion: versionSchema });

/**
 * "Xuất bản bản sửa": the pending revision becomes the article's text, public at once for a
 * published article. For an approved article the approver's step is also its approval.
 */
export async function publishRevision(actor: PermissionActor, id: number, input: unknown): Promise<SavedArticle> {
  assertCan(actor, 'article.publish');
  const { expectedVersion } = parseInput(revisionStepSchema, input);
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    const pending = article.pendingRevision;
    if (!pending) throw new TransitionError('Bài viết không có bản sửa chưa xuất bản.');
    await assertWorkingVersion(tx, article, expectedVersion);
    const fields = { ...pending, tags: pending.tags };
    const { document, mediaIds } = await validatedBody(tx, pending.body);
    const content = contentColumns(fields, document);
    const tagIds = await tagIdsFor(tx, pending.tags);
    const approval = article.status === 'APPROVED' ? { approvedVersion: pending.version, approvedById: actor.id } : {};
    const slug = await slugAfterEdit(tx, article, pending.title);
    await tx.articlePendingRevision.delete({ where: { articleId: id } });
    await tx.article.update({
      where: { id },
      data: {
        ...content,
        ...approval,
        slug,
        version: pending.version,
        updatedById: pending.authorId ?? actor.id,
        tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) },
        media: { deleteMany: {}, create: mediaIds.map((mediaId) => ({ mediaId })) },
        revisions: { create: { ...content, version: pending.version, authorId: pending.authorId ?? actor.id, kind: 'REVISION_PUBLISHED' } },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.revisionPublished',
      entityType: 'article',
      entityId: id,
      data: { version: pending.version, previousVersion: article.version },
    });
    return savedArticle({ id, slug, status: article.status }, pending.version, await isLiveArticle(tx, article), false);
  });
}

/** "Bỏ bản sửa": the pending revision goes; the article's text is unchanged. */
export async function discardRevision(actor: PermissionActor, id: number, input: unknown): Promise<SavedArticle> {
  const { expectedVersion } = parseInput(revisionStepSchema, input);
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    assertCanEdit(actor, article);
    if (!article.pendingRevision) throw new TransitionError('Bài viết không có bản sửa chưa xuất bản.');
    await assertWorkingVersion(tx, article, expectedVersion);
    await tx.articlePendingRevision.delete({ where: { articleId: id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.revisionDiscarded',
      entityType: 'article',
      entityId: id,
      data: { discardedVersion: article.pendingRevision.version, version: article.version },
    });
    return savedArticle(article, article.version, await isLiveArticle(tx, article), false);
  });
}
