import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { getDb } from '../db/client';
import { log } from '../logger';
import { AuthError, NotFoundError, TransitionError, ValidationError, type DomainError } from '../errors';
import { requestClientAddress } from '../http/client-address';
import { ImageRejectedError } from '../media/images';
import { ForbiddenError } from '../permissions';
import type { AuditEntityType } from '.';

// The one place a refused command becomes an audit event, whatever refused it (permission,
// session, workflow state, forged fields, a rejected file). runAction and runRoute
// (src/server/outcome.ts) call it wherever a domain error becomes an answer, so no command can
// forget it. Ordinary editing outcomes are not refusals of anyone's authority and are not
// recorded: a field message (empty title while autosaving) and a save that lost a race.

export type RefusalContext = {
  /** What was attempted, e.g. "publication.update", "article.save". */
  attempted: string;
  entityType: AuditEntityType;
  entityId: number | string | null;
};

function describe(error: unknown): { kind: string; status: number } | null {
  if (error instanceof ForbiddenError) return { kind: 'forbidden', status: 403 };
  if (error instanceof AuthError) return { kind: 'unauthenticated', status: 401 };
  if (error instanceof TransitionError) return { kind: 'transition', status: 409 };
  if (error instanceof NotFoundError) return { kind: 'not-found', status: 404 };
  if (error instanceof ImageRejectedError) return { kind: 'file-rejected', status: 422 };
  if (error instanceof ValidationError && error.hasForbiddenFields) return { kind: 'unknown-fields', status: 422 };
  return null;
}

/**
 * Records `<entity>.denied` (the role or ownership rule said no) or `<entity>.refused` (any
 * other refusal worth knowing about) with who, from which address, what and why. Never throws:
 * a failed audit write is logged and must not turn a refusal into a 500.
 */
export async function recordRefusal(actor: { id: number } | null, error: unknown, context: RefusalContext): Promise<void> {
  const reason = describe(error);
  if (!reason) return;
  try {
    const domain = error as DomainError;
    const data: Prisma.InputJsonObject = {
      attempted: context.attempted,
      ...reason,
      message: domain.message,
      ...(error instanceof ValidationError ? { fields: Object.keys(error.fieldErrors) } : {}),
      ipAddress: await requestClientAddress(),
    };
    await getDb().auditEvent.create({
      data: {
        actorId: actor?.id ?? null,
        action: `${context.entityType}.${reason.kind === 'forbidden' ? 'denied' : 'refused'}`,
        entityType: context.entityType,
        entityId: context.entityId == null ? '?' : String(context.entityId),
        data,
      },
    });
  } catch (auditError) {
    log.error('Không ghi được nhật ký cho thao tác bị từ chối.', { attempted: context.attempted, error: auditError });
  }
}
