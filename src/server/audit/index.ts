import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { getDb, type Database, type Transaction } from '../db/client';
import type { DomainError } from '../errors';

// The one way to write the audit trail. Changes are recorded in the transaction that makes
// them; refusals (whose transaction never commits) on their own, by recordRefusal.

export type AuditEntityType = 'article' | 'issue' | 'user' | 'publication' | 'loginAttempt' | 'media';

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
  | 'user.created'
  | 'user.roleChanged'
  | 'user.activated'
  | 'user.deactivated'
  | 'user.passwordReset'
  | 'publication.updated'
  | 'publication.logoChanged'
  | 'demo.loaded'
  | `${AuditEntityType}.denied`
  | `${AuditEntityType}.refused`;

export type AuditEvent = {
  actorId: number | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number | string;
  data?: Prisma.InputJsonValue;
};

export function recordAudit(db: Database | Transaction, event: AuditEvent) {
  const { entityId, ...rest } = event;
  return db.auditEvent.create({ data: { ...rest, entityId: String(entityId) } });
}

/**
 * A refused command, recorded outside its (rolled back) transaction: `denied` when the role or
 * ownership rule said no, `refused` for any other refusal worth knowing about (a workflow
 * step the status does not allow, a forged field).
 */
export function recordRefusal(
  actorId: number,
  entity: { type: AuditEntityType; id: number | string },
  attempted: string,
  error: DomainError,
) {
  return recordAudit(getDb(), {
    actorId,
    action: `${entity.type}.${error.status === 403 ? 'denied' : 'refused'}`,
    entityType: entity.type,
    entityId: entity.id,
    data: { attempted, status: error.status, message: error.message },
  });
}
