import 'server-only';
import { z } from 'zod';
import { recordAudit, type AuditAction } from '../audit';
import { getDb } from '../db/client';
import { TransitionError } from '../errors';
import { assertCan, can, ForbiddenError, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { postComment } from '../comments/thread';
import { approverIds, notify } from '../notifications/notify';
import { enqueueSideEffects } from '../publishing/outbox';
import { assertWorkingVersion, ensureRevision, isLiveArticle, lockArticle, savedArticle } from './content';
import { returnCommentSchema, versionSchema, type SavedArticle } from '@/schemas/article';
import type { Article, Prisma } from '@/generated/prisma/client';
import type { RevisionKind } from '@/generated/prisma/enums';
import type { Transaction } from '../db/client';

// The review workflow of one article: Nháp → Chờ duyệt → Đã duyệt → Đã xuất bản, and back
// with "Trả lại". Each step acts on the exact version the person saw and keeps a revision of it.

type Transition = {
  action: 'article.submit' | 'article.approve' | 'article.return' | 'article.publish' | 'article.unpublish';
  from: Article['status'][];
  to: Article['status'];
  auditAction: AuditAction;
  /** The revision kept of the version the step acted on. */
  revisionKind: RevisionKind;
  refusal: string;
};

/** What else the step changes in its transaction: the thread, notifications, side effects. */
type Effects = (tx: Transaction, article: Article) => Promise<unknown>;

const TRANSITIONS = {
  submit: {
    action: 'article.submit',
    from: ['DRAFT'],
    to: 'SUBMITTED',
    auditAction: 'article.submitted',
    revisionKind: 'SUBMITTED',
    refusal: 'Chỉ gửi duyệt được bài đang là Nháp.',
  },
  approve: {
    action: 'article.approve',
    from: ['SUBMITTED'],
    to: 'APPROVED',
    auditAction: 'article.approved',
    revisionKind: 'APPROVED',
    refusal: 'Chỉ duyệt được bài đang Chờ duyệt.',
  },
  return: {
    action: 'article.return',
    from: ['SUBMITTED', 'APPROVED'],
    to: 'DRAFT',
    auditAction: 'article.returned',
    revisionKind: 'RETURNED',
    refusal: 'Chỉ trả lại được bài Chờ duyệt hoặc Đã duyệt.',
  },
  publish: {
    action: 'article.publish',
    from: ['APPROVED'],
    to: 'PUBLISHED',
    auditAction: 'article.published',
    revisionKind: 'PUBLISHED',
    refusal: 'Chỉ xuất bản được bài Đã duyệt.',
  },
  // Back to draft, not to approved: an approved article of a public issue would stay visible.
  unpublish: {
    action: 'article.unpublish',
    from: ['PUBLISHED'],
    to: 'DRAFT',
    auditAction: 'article.unpublished',
    revisionKind: 'UNPUBLISHED',
    refusal: 'Bài viết chưa được xuất bản.',
  },
} satisfies Record<string, Transition>;

const PENDING_FIRST = 'Bài viết có bản sửa chưa xuất bản. Hãy xuất bản hoặc bỏ bản sửa đó trước.';

const transitionSchema = z.strictObject({ expectedVersion: versionSchema });
const returnSchema = z.strictObject({ expectedVersion: versionSchema, comment: returnCommentSchema });
const unpublishSchema = z.strictObject({ expectedVersion: versionSchema, reason: returnCommentSchema });

async function transition(
  actor: PermissionActor,
  id: number,
  step: Transition,
  expectedVersion: number,
  extra: (article: Article, now: Date) => Prisma.ArticleUncheckedUpdateInput,
  auditData?: Prisma.InputJsonObject,
  effects?: Effects,
): Promise<SavedArticle> {
  assertCan(actor, step.action);
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    await assertWorkingVersion(tx, article, expectedVersion);
    if (article.pendingRevision) throw new TransitionError(PENDING_FIRST);
    if (!step.from.includes(article.status)) throw new TransitionError(step.refusal);
    // After the status: "only drafts can be submitted" says more than "not allowed".
    if (
      step.action === 'article.submit' &&
      !can(actor, 'article.editOwnDraft', article) &&
      !can(actor, 'article.editOthersBeforeApproval', article)
    ) {
      throw new ForbiddenError(step.action);
    }
    const now = new Date();
    await ensureRevision(tx, article, actor.id, step.revisionKind);
    const updated = await tx.article.update({ where: { id }, data: { status: step.to, ...extra(article, now) } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: step.auditAction,
      entityType: 'article',
      entityId: id,
      data: { version: article.version, ...auditData },
    });
    await effects?.(tx, article);
    return savedArticle(updated, updated.version, await isLiveArticle(tx, updated), false);
  });
}

export async function submitArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.submit,
    expectedVersion,
    () => ({ returnComment: null }),
    undefined,
    async (tx) => notify(tx, await approverIds(tx), { kind: 'SUBMITTED', actorId: actor.id, articleId: id }),
  );
}

/** Approves exactly the version the approver saw. */
export async function approveArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.approve,
    expectedVersion,
    (article) => ({ approvedVersion: article.version, approvedById: actor.id, returnComment: null }),
    undefined,
    (tx, article) => notify(tx, [article.authorId], { kind: 'APPROVED', actorId: actor.id, articleId: id }),
  );
}

/**
 * Back to the author with a comment that joins the article's thread (every return is kept
 * there); `returnComment` holds the latest one while the article waits for its author.
 */
export async function returnArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion, comment } = parseInput(returnSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.return,
    expectedVersion,
    () => ({ returnComment: comment, approvedVersion: null, approvedById: null }),
    { comment },
    (tx, article) => postComment(tx, actor, article, { kind: 'RETURN', body: comment, quote: null }),
  );
}

export async function publishArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion } = parseInput(transitionSchema, input);
  return transition(actor, id, TRANSITIONS.publish, expectedVersion, (article, now) => ({
    publishAt: article.publishAt && article.publishAt < now ? article.publishAt : now,
    publishedAt: article.publishedAt ?? now,
  }));
}

/**
 * Takes one published article off the public site, with the reason on record (audit and
 * thread). Its issue stays public without it: the issue's pages and PDF are refreshed.
 */
export async function unpublishArticle(actor: PermissionActor, id: number, input: unknown) {
  const { expectedVersion, reason } = parseInput(unpublishSchema, input);
  return transition(
    actor,
    id,
    TRANSITIONS.unpublish,
    expectedVersion,
    () => ({ publishAt: null, returnComment: reason, approvedVersion: null, approvedById: null }),
    { reason },
    async (tx, article) => {
      await postComment(tx, actor, article, { kind: 'UNPUBLISH', body: reason, quote: null });
      const placement = await tx.articlePlacement.findUnique({
        where: { articleId: id },
        select: { section: { select: { issueId: true } } },
      });
      if (placement) await enqueueSideEffects(tx, 'issue.changed', placement.section.issueId);
    },
  );
}
