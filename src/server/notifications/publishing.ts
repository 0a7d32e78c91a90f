import 'server-only';
import { getDb, type Transaction } from '../db/client';
import { approverIds, notify } from './notify';

// What the publishing job tells people: a scheduled issue came out (whoever scheduled it and
// the authors of its articles), or it could not come out (every approver and admin).

export async function notifyIssuePublished(tx: Transaction, issueId: number, articleIds: number[]): Promise<void> {
  const [scheduled, authors] = await Promise.all([
    tx.auditEvent.findFirst({
      where: { entityType: 'issue', entityId: String(issueId), action: 'issue.scheduled', actorId: { not: null } },
      orderBy: { id: 'desc' },
      select: { actorId: true },
    }),
    tx.article.findMany({ where: { id: { in: articleIds } }, distinct: ['authorId'], select: { authorId: true } }),
  ]);
  const recipients = [...(scheduled?.actorId ? [scheduled.actorId] : []), ...authors.map((author) => author.authorId)];
  await notify(tx, recipients, { kind: 'ISSUE_PUBLISHED', actorId: null, issueId });
}

/**
 * The job could not publish a due issue (it stays public by its time and is retried). Told once
 * per schedule: the job tries again every run.
 */
export async function notifyPublishFailed(issueId: number, error: unknown): Promise<void> {
  // The last line says what went wrong (Prisma puts the call site first).
  const message = (error instanceof Error ? error.message : String(error)).trim().split('\n').at(-1) ?? '';
  await getDb().$transaction(async (tx) => {
    const issue = await tx.issue.findUnique({ where: { id: issueId }, select: { status: true, updatedAt: true } });
    if (!issue || issue.status !== 'SCHEDULED') return;
    const told = await tx.notification.count({ where: { kind: 'PUBLISH_FAILED', issueId, createdAt: { gte: issue.updatedAt } } });
    if (told > 0) return;
    await notify(tx, await approverIds(tx), {
      kind: 'PUBLISH_FAILED',
      actorId: null,
      issueId,
      excerpt: `Hệ thống sẽ tự thử lại; số vẫn hiển thị công khai theo giờ hẹn. Lỗi: ${message}`,
    });
  });
}
