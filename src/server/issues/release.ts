import 'server-only';
import { getDb, type Transaction } from '../db/client';
import { assertCan, type PermissionActor } from '../permissions';
import { TransitionError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { enqueueSideEffects } from '../publishing/outbox';
import { publishLockedIssue } from '../publishing/publish-due';
import { publicIssueWhere } from '../publishing/visibility';
import { PreflightError, preflightIssue, type Problem } from './preflight';
import { lockIssue, saveVersion, type IssueVersion } from './versioning';
import { publishIssueNowSchema, scheduleIssueSchema, unpublishIssueSchema } from '@/schemas/issue';
import type { Prisma } from '@/generated/prisma/client';

// Scheduling, publishing and unpublishing an issue (approvers only). Each runs the preflight
// under the issue's lock: blocking problems refuse, warnings must be acknowledged.

const STATE_CONFLICT = 'Số bản tin vừa được người khác thay đổi. Tải lại để xem trạng thái mới; thao tác của bạn chưa được thực hiện.';

const listed = (problems: Problem[]) => problems.map((problem) => problem.message).join(' ');

/** Runs the preflight under the issue's lock: blocking problems refuse, warnings need acknowledging. */
async function assertReady(tx: Transaction, issueId: number, acknowledgedWarnings: boolean, verb: string): Promise<Problem[]> {
  const report = await preflightIssue(issueId, tx);
  if (report.blocking.length) throw new PreflightError(`Chưa thể ${verb} số này: ${listed(report.blocking)}`, report);
  if (report.warnings.length && !acknowledgedWarnings) {
    throw new PreflightError(`Cần xác nhận ${report.warnings.length} cảnh báo trước khi ${verb}: ${listed(report.warnings)}`, report);
  }
  return report.warnings;
}

async function isPublicAt(tx: Transaction, issueId: number, now: Date): Promise<boolean> {
  return (await tx.issue.count({ where: { id: issueId, ...publicIssueWhere(now) } })) > 0;
}

const placedIn = (issueId: number): Prisma.ArticleWhereInput => ({ placement: { section: { issueId } } });

/**
 * Schedules the issue (again) at a future time. It becomes public at that time by the stored
 * publishAt alone; the job then marks it and its articles published.
 */
export async function scheduleIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  assertCan(actor, 'issue.schedule');
  const { expectedVersion, publishAt, acknowledgedWarnings } = parseInput(scheduleIssueSchema, input);
  const now = new Date();
  if (publishAt <= now) throw new ValidationError('Thời gian xuất bản đã qua.', { publishAt: 'Thời gian xuất bản đã qua.' });
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    // Moving a public issue's time forward would hide it without a reason on record.
    if (issue.status === 'PUBLISHED' || (await isPublicAt(tx, issueId, now))) {
      throw new TransitionError('Số này đã xuất bản. Gỡ xuất bản trước khi lên lịch lại.');
    }
    const warnings = await assertReady(tx, issueId, acknowledgedWarnings, 'lên lịch');
    await tx.article.updateMany({ where: { ...placedIn(issueId), status: 'APPROVED' }, data: { publishAt } });
    return saveVersion(
      tx,
      actor,
      issueId,
      'issue.scheduled',
      { status: 'SCHEDULED', publishAt },
      {
        publishAt: publishAt.toISOString(),
        acknowledgedWarnings: warnings.map((warning) => warning.message),
      },
    );
  });
}

/** Publishes the issue now, through the same step as the scheduled job. */
export async function publishIssueNow(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  assertCan(actor, 'issue.publish');
  const { expectedVersion, acknowledgedWarnings } = parseInput(publishIssueNowSchema, input);
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    if (issue.status === 'PUBLISHED') throw new TransitionError('Số này đã được xuất bản.');
    const warnings = await assertReady(tx, issueId, acknowledgedWarnings, 'xuất bản');
    const now = new Date();
    // A scheduled issue already past its time has been public since then and keeps that time.
    const publishAt = issue.status === 'SCHEDULED' && issue.publishAt && issue.publishAt <= now ? issue.publishAt : now;
    const updated = await tx.issue.update({ where: { id: issueId }, data: { publishAt, version: { increment: 1 } } });
    await publishLockedIssue(tx, { id: issueId, publishAt }, now, actor.id, {
      version: updated.version,
      acknowledgedWarnings: warnings.map((warning) => warning.message),
    });
    return { id: issueId, version: updated.version, status: 'PUBLISHED' };
  });
}

/**
 * Takes a scheduled or published issue back to draft, with the reason on record. Its articles
 * stay in it, approved and without a publish time, ready to be scheduled again.
 */
export async function unpublishIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  assertCan(actor, 'issue.unpublish');
  const { expectedVersion, reason } = parseInput(unpublishIssueSchema, input);
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    if (issue.status === 'DRAFT') throw new TransitionError('Số này chưa lên lịch hay xuất bản.');
    await tx.article.updateMany({ where: { ...placedIn(issueId), status: 'PUBLISHED' }, data: { status: 'APPROVED' } });
    await tx.article.updateMany({ where: placedIn(issueId), data: { publishAt: null } });
    await enqueueSideEffects(tx, 'issue.unpublished', issueId);
    return saveVersion(
      tx,
      actor,
      issueId,
      'issue.unpublished',
      { status: 'DRAFT', publishAt: null },
      { reason, statusBefore: issue.status },
    );
  });
}
