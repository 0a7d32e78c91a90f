import 'server-only';
import type { Transaction } from '../db/client';
import { getMailEnv, getPublicBaseUrl } from '../env';
import { can, type PermissionActor } from '../permissions';
import { describeNotification } from './messages';
import type { NotificationKind, Role } from '@/generated/prisma/enums';

// Who hears about what. A notification is written in the transaction of the change it tells
// about, only for active people who may see it (no notice of an article's approval queue to
// someone who is no longer an approver), never for the person who made the change. With
// SMTP_URL set, its email is queued in the same transaction and sent later by the job runner.

/** Kinds only some roles may see; every other kind is for anyone signed in. */
const KIND_NEEDS: Partial<Record<NotificationKind, 'article.approve' | 'issue.publish'>> = {
  SUBMITTED: 'article.approve',
  PUBLISH_FAILED: 'issue.publish',
};

export function mayReceive(kind: NotificationKind, actor: PermissionActor): boolean {
  return can(actor, KIND_NEEDS[kind] ?? 'article.comment');
}

/** The kinds someone in this role may see now: the list and the count read only these. */
export function kindsVisibleTo(role: Role): NotificationKind[] {
  const all: NotificationKind[] = ['RETURNED', 'APPROVED', 'SUBMITTED', 'COMMENTED', 'MENTIONED', 'ISSUE_PUBLISHED', 'PUBLISH_FAILED'];
  return all.filter((kind) => mayReceive(kind, { id: 0, role }));
}

export type NotificationDraft = {
  kind: NotificationKind;
  actorId: number | null;
  articleId?: number;
  issueId?: number;
  commentId?: number;
  excerpt?: string | null;
};

const EXCERPT_MAX = 280;

const shorten = (text: string | null | undefined) =>
  text ? (text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1).trimEnd()}…` : text) : null;

/** Recipients who may see approvals and publishing problems: every active approver and admin. */
export async function approverIds(tx: Transaction): Promise<number[]> {
  const people = await tx.user.findMany({ where: { isActive: true, role: { in: ['APPROVER', 'ADMIN'] } }, select: { id: true } });
  return people.map((person) => person.id);
}

/** Writes one notification per allowed recipient (and its email when mail is set up); returns how many. */
export async function notify(tx: Transaction, recipientIds: Iterable<number>, draft: NotificationDraft): Promise<number> {
  const ids = [...new Set(recipientIds)].filter((id) => id !== draft.actorId);
  if (ids.length === 0) return 0;
  const people = await tx.user.findMany({ where: { id: { in: ids }, isActive: true }, select: { id: true, role: true, email: true } });
  const recipients = people.filter((person) => mayReceive(draft.kind, person));
  if (recipients.length === 0) return 0;
  const excerpt = shorten(draft.excerpt);
  const created = await tx.notification.createManyAndReturn({
    data: recipients.map((person) => ({
      recipientId: person.id,
      kind: draft.kind,
      actorId: draft.actorId,
      articleId: draft.articleId ?? null,
      issueId: draft.issueId ?? null,
      commentId: draft.commentId ?? null,
      excerpt,
    })),
    select: { id: true, recipientId: true },
  });
  const mail = getMailEnv();
  if (mail.smtpUrl) {
    const { subject, text } = await emailOf(tx, draft, excerpt);
    const addressOf = new Map(recipients.map((person) => [person.id, person.email]));
    await tx.emailOutbox.createMany({
      data: created.map((row) => ({ notificationId: row.id, toAddress: addressOf.get(row.recipientId)!, subject, text })),
    });
  }
  return created.length;
}

async function emailOf(tx: Transaction, draft: NotificationDraft, excerpt: string | null): Promise<{ subject: string; text: string }> {
  const [actor, article, issue] = await Promise.all([
    draft.actorId ? tx.user.findUnique({ where: { id: draft.actorId }, select: { name: true } }) : null,
    draft.articleId ? tx.article.findUnique({ where: { id: draft.articleId }, select: { id: true, title: true } }) : null,
    draft.issueId ? tx.issue.findUnique({ where: { id: draft.issueId }, select: { id: true, number: true, year: true } }) : null,
  ]);
  const { text, href } = describeNotification({
    kind: draft.kind,
    actor: actor?.name ?? null,
    article,
    issue,
    commentId: draft.commentId ?? null,
  });
  // Plain text only: titles and comments are people's text, never markup.
  const lines = [`${text}.`, ...(excerpt ? ['', excerpt] : []), '', `Xem tại: ${getPublicBaseUrl()}${href}`, '', '— Bản tin CCHC'];
  return { subject: `[Bản tin CCHC] ${text}`.slice(0, 250), text: lines.join('\n') };
}
