import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Database, Transaction } from '../db/client';

// The one way to write the audit trail: changes are recorded in the transaction that makes
// them; refusals (whose transaction never commits) by recordRefusal in ./refusals.ts.

export type AuditEntityType = 'article' | 'issue' | 'user' | 'publication' | 'loginAttempt' | 'media' | 'backup';

export type AuditAction =
  | 'article.created'
  | 'article.saved'
  | 'article.submitted'
  | 'article.approved'
  | 'article.returned'
  | 'article.published'
  | 'article.unpublished'
  | 'article.revisionSaved'
  | 'article.revisionPublished'
  | 'article.revisionDiscarded'
  | 'article.restored'
  | 'article.imported'
  | 'article.takenOver'
  | 'article.commented'
  | 'article.commentResolved'
  | 'article.commentReopened'
  | 'issue.created'
  | 'issue.section.added'
  | 'issue.section.renamed'
  | 'issue.section.moved'
  | 'issue.section.removed'
  | 'issue.article.added'
  | 'issue.article.moved'
  | 'issue.article.removed'
  | 'issue.scheduled'
  | 'issue.published'
  | 'issue.unpublished'
  | 'issue.imported'
  | 'issue.archive.imported'
  | 'user.created'
  | 'user.roleChanged'
  | 'user.activated'
  | 'user.deactivated'
  | 'user.passwordReset'
  | 'publication.updated'
  | 'publication.logoChanged'
  | 'demo.loaded'
  | 'backup.settingsUpdated'
  | 'backup.started'
  | 'auth.signIn.failed'
  | 'auth.signIn.succeeded'
  | 'auth.signIn.inactive'
  | `${AuditEntityType}.denied`
  | `${AuditEntityType}.refused`;

export type AuditEvent = {
  actorId: number | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number | string;
  data?: Prisma.InputJsonValue;
  /** Only for events recorded for a moment other than now (a sign-in burst's start). */
  createdAt?: Date;
};

export function recordAudit(db: Database | Transaction, event: AuditEvent) {
  const { entityId, ...rest } = event;
  return db.auditEvent.create({ data: { ...rest, entityId: String(entityId) } });
}
