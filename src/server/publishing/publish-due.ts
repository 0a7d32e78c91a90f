import 'server-only';
import { recordAudit } from '../audit';
import { getDb, type Transaction } from '../db/client';
import { notifyIssuePublished, notifyPublishFailed } from '../notifications/publishing';
import { enqueueSideEffects } from './outbox';
import type { Prisma } from '@/generated/prisma/client';
import { log } from '../logger';

// Marks scheduled issues as published once their time has come. Public visibility never waits
// for this (it follows the stored publishAt, see visibility.ts): the job records the fact,
// publishes the articles for good and queues the side effects. Safe to run anywhere, any
// number of times: each due issue is taken by one transaction (FOR UPDATE SKIP LOCKED) and is
// no longer SCHEDULED afterwards.

/** Published this long after its time, an issue is flagged late (the server was down). */
const LATE_AFTER_MS = 5 * 60_000;

export type PublishedIssue = { issueId: number; publishAt: Date; isLate: boolean };

/**
 * Publishes one issue whose row the caller holds locked: the issue, its approved articles
 * (at the issue's time), an audit event and the outbox row, in the caller's transaction.
 * Used by the job and by "Xuất bản" now alike. `actorId` is null for the job; `auditDetails`
 * adds what the person's action records (version, acknowledged warnings).
 */
export async function publishLockedIssue(
  tx: Transaction,
  issue: { id: number; publishAt: Date },
  now: Date,
  actorId: number | null,
  auditDetails: Prisma.InputJsonObject = {},
): Promise<PublishedIssue> {
  const placed = await tx.article.findMany({
    where: { placement: { section: { issueId: issue.id } } },
    select: { id: true, status: true },
  });
  const approvedIds = placed.filter((article) => article.status === 'APPROVED').map((article) => article.id);
  // Changed after scheduling (an edit sends an approved article back for review): it stays
  // out until approved again. Already published articles keep their own dates.
  const skippedIds = placed.filter((article) => article.status === 'DRAFT' || article.status === 'SUBMITTED').map((article) => article.id);
  await tx.article.updateMany({ where: { id: { in: approvedIds }, publishedAt: null }, data: { publishedAt: now } });
  await tx.article.updateMany({ where: { id: { in: approvedIds } }, data: { status: 'PUBLISHED', publishAt: issue.publishAt } });
  await tx.issue.update({ where: { id: issue.id }, data: { status: 'PUBLISHED', publishedAt: now } });
  const isLate = now.getTime() - issue.publishAt.getTime() > LATE_AFTER_MS;
  await recordAudit(tx, {
    actorId,
    action: 'issue.published',
    entityType: 'issue',
    entityId: issue.id,
    data: {
      ...auditDetails,
      publishAt: issue.publishAt.toISOString(),
      articleIds: approvedIds,
      ...(skippedIds.length ? { skippedArticleIds: skippedIds } : {}),
      ...(isLate ? { late: true } : {}),
    },
  });
  await enqueueSideEffects(tx, 'issue.published', issue.id);
  // The job published it at its time: whoever scheduled it and the authors hear of it.
  if (actorId === null) await notifyIssuePublished(tx, issue.id, approvedIds);
  return { issueId: issue.id, publishAt: issue.publishAt, isLate };
}

/**
 * Publishes every issue scheduled at or before `now`, one transaction per issue, and returns
 * them. An issue that fails is logged and left SCHEDULED (still public by its time) for the
 * next run; the others go on.
 */
export async function publishDueIssues(now = new Date()): Promise<PublishedIssue[]> {
  const published: PublishedIssue[] = [];
  const failedIds: number[] = [];
  for (;;) {
    let takenId: number | null = null;
    try {
      const result = await getDb().$transaction(async (tx) => {
        const [due] = await tx.$queryRaw<{ id: number; publishAt: Date }[]>`
          SELECT id, "publishAt" FROM "Issue"
          WHERE status = 'SCHEDULED' AND "publishAt" <= ${now} AND NOT (id = ANY(${failedIds}::int[]))
          ORDER BY "publishAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!due) return null;
        takenId = due.id;
        return publishLockedIssue(tx, due, now, null);
      });
      if (!result) return published;
      published.push(result);
    } catch (error) {
      if (takenId === null) throw error;
      log.error('Không xuất bản được số bản tin đã đến giờ; sẽ thử lại ở lượt sau.', { issueId: takenId, error });
      failedIds.push(takenId);
      await notifyPublishFailed(takenId, error).catch((notifyError: unknown) =>
        console.error(`Không báo được cho người duyệt về số bản tin (mã ${takenId}).`, notifyError),
      );
    }
  }
}
