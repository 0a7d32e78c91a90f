import 'server-only';
import { recordAudit, type AuditAction } from '../audit';
import type { Transaction } from '../db/client';
import { ConflictError, NotFoundError } from '../errors';
import type { PermissionActor } from '../permissions';
import type { Issue, Prisma } from '@/generated/prisma/client';
import type { IssueStatus } from '@/generated/prisma/enums';

// Every write to an issue locks its row (FOR UPDATE) and checks the version the person worked
// from, so of two people working from the same version the later change is refused; the
// change then makes a new version with its audit event, in the same transaction.

export type IssueVersion = { id: number; version: number; status: IssueStatus };

export const toVersion = (issue: Issue): IssueVersion => ({ id: issue.id, version: issue.version, status: issue.status });

export async function lockIssue(tx: Transaction, id: number, expectedVersion: number, conflictMessage: string): Promise<Issue> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Issue" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Không tìm thấy số bản tin.');
  const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
  if (issue.version !== expectedVersion) throw new ConflictError(conflictMessage, { version: issue.version, status: issue.status });
  return issue;
}

/** The new version of the issue with its audit event. */
export async function saveVersion(
  tx: Transaction,
  actor: PermissionActor,
  issueId: number,
  action: AuditAction,
  data: Prisma.IssueUpdateInput,
  auditData: Prisma.InputJsonObject,
): Promise<IssueVersion> {
  const issue = await tx.issue.update({ where: { id: issueId }, data: { ...data, version: { increment: 1 } } });
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: 'issue',
    entityId: issueId,
    data: { version: issue.version, ...auditData },
  });
  return toVersion(issue);
}
