import 'server-only';
import type { Refusal, Outcome } from '@/lib/outcome';
import { parseId } from '@/lib/route-params';
import type { AuditEntityType } from './audit';
import { recordRefusal } from './audit/refusals';
import { getActor, type Actor } from './auth/session';
import { AuthError, DomainError } from './errors';

// The one path from a domain command to the outside: a server action answers an Outcome, a
// route handler a Response. Both record every refusal worth knowing about in the audit trail,
// so no command can forget to. Anything that is not a DomainError is a bug and is rethrown.

export type ActionContext = {
  /** What was attempted, for the audit trail (e.g. 'article.approve'). */
  attempted: string;
  /** What it was attempted on; `id` as it arrived (parsed here, '?' when it is not an id). */
  entity: { type: AuditEntityType; id?: unknown };
  /** What was typed, returned with a refusal so the form keeps it (never a password). */
  values?: Record<string, string>;
  /** Jobs and tests pass the actor; server actions resolve it from the session. */
  actor?: Actor;
};

export function refusalOf(error: DomainError, values?: Record<string, string>): Refusal {
  return {
    ok: false,
    status: error.status,
    message: error.message,
    ...(Object.keys(error.fieldErrors).length ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.current !== undefined ? { conflict: error.current } : {}),
    ...(values ? { values } : {}),
  };
}

async function audited<T>(context: ActionContext, work: (actor: Actor) => Promise<T>): Promise<T> {
  let actor = context.actor ?? null;
  try {
    actor ??= await getActor();
    if (!actor) throw new AuthError();
    return await work(actor);
  } catch (error) {
    const entityId = parseId(context.entity.id);
    await recordRefusal(actor, error, { attempted: context.attempted, entityType: context.entity.type, entityId });
    throw error;
  }
}

/**
 * Runs a server action's work as the signed-in actor. `done` is the message of a success
 * (or makes it from the result).
 */
export async function runAction<T>(
  context: ActionContext & { done: string | ((data: T) => string) },
  work: (actor: Actor) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    const data = await audited(context, work);
    return { ok: true, message: typeof context.done === 'string' ? context.done : context.done(data), data };
  } catch (error) {
    if (error instanceof DomainError) return refusalOf(error, context.values);
    throw error;
  }
}

const NO_STORE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** A refusal as a route handler's answer: JSON `{ error, fieldErrors? }` with its status. */
export function toHttpResponse(error: DomainError): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if ('retryAfterSeconds' in error) headers['Retry-After'] = String(error.retryAfterSeconds);
  const fieldErrors = Object.keys(error.fieldErrors).length ? { fieldErrors: error.fieldErrors } : {};
  return Response.json({ error: error.message, ...fieldErrors }, { status: error.status, headers });
}

/** Runs a route handler's work as the signed-in actor; refusals become toHttpResponse answers. */
export async function runRoute(context: ActionContext, work: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    return await audited(context, work);
  } catch (error) {
    if (error instanceof DomainError) return toHttpResponse(error);
    throw error;
  }
}
