import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { AuthError } from '../auth/errors';
import { getDb } from '../db/client';
import { NotFoundError, TransitionError, ValidationError } from '../errors';
import { requestClientAddress } from '../http/client-address';
import { ImageRejectedError } from '../media/images';
import { ForbiddenError } from '../permissions';

// The one place a refused command becomes an audit event, whatever refused it (permission,
// session, workflow state, forged fields, a rejected file). Called where a domain error is
// turned into an answer, so no command can forget it. Ordinary editing outcomes are not
// refusals of anyone's authority and are not recorded: a field message (empty title while
// autosaving) and a save that lost a race (ConflictError): describe() answers null for them.

export type RefusalContext = {
  /** What was attempted, e.g. "publication.update", "article.save". */
  command: string;
  entityType: string;
  entityId?: string | number | null;
};

function describe(error: unknown): { kind: string; status: number } | null {
  if (error instanceof ForbiddenError) return { kind: 'forbidden', status: 403 };
  if (error instanceof AuthError) return { kind: 'unauthenticated', status: 401 };
  if (error instanceof TransitionError) return { kind: 'transition', status: 409 };
  if (error instanceof NotFoundError) return { kind: 'not-found', status: 404 };
  if (error instanceof ImageRejectedError) return { kind: 'file-rejected', status: 422 };
  if (error instanceof ValidationError && Object.values(error.fieldErrors).includes('Trường không được phép.')) {
    return { kind: 'unknown-fields', status: 422 };
  }
  return null;
}

/**
 * Records `<command>.refused` with who, from which address, and why. Never throws: a failed
 * audit write is logged and must not turn a refusal into a 500.
 */
export async function recordRefusal(actor: { id: number } | null, error: unknown, context: RefusalContext): Promise<void> {
  const reason = describe(error);
  if (!reason) return;
  try {
    const data: Prisma.InputJsonObject = {
      command: context.command,
      ...reason,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof ValidationError ? { fields: Object.keys(error.fieldErrors) } : {}),
      ipAddress: await requestClientAddress(),
    };
    await getDb().auditEvent.create({
      data: {
        actorId: actor?.id ?? null,
        action: `${context.command}.refused`,
        entityType: context.entityType,
        entityId: context.entityId == null ? '' : String(context.entityId),
        data,
      },
    });
  } catch (auditError) {
    console.error(`Không ghi được nhật ký cho thao tác bị từ chối ${context.command}:`, auditError);
  }
}
