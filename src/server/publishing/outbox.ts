import 'server-only';
import { getDb, type Transaction } from '../db/client';
import { log } from '../logger';

// Side effects of publishing, run after the change is committed. The row is written in the
// transaction that publishes or unpublishes, so a change never lacks its side effects, and
// processOutbox marks each row done once, even with several app servers (FOR UPDATE SKIP
// LOCKED). A handler runs again if the process dies before the row is marked, so handlers
// must be idempotent (rendering a PDF twice is harmless).

/** `issue.changed`: a public issue lost an article (unpublished on its own). */
export type OutboxKind = 'issue.published' | 'issue.unpublished' | 'issue.changed';
export type OutboxEvent = { id: number; kind: OutboxKind; issueId: number };
export type OutboxHandler = (event: OutboxEvent) => Promise<void> | void;

/** A row that failed this often is left for a person to look at (lastError). */
export const MAX_OUTBOX_ATTEMPTS = 5;
/** A PDF render may take a minute; the row stays locked while its handlers run. */
const HANDLER_TIMEOUT_MS = 5 * 60_000;

export function enqueueSideEffects(tx: Transaction, kind: OutboxKind, issueId: number) {
  return tx.publishOutbox.create({ data: { kind, issueId } });
}

// On globalThis: Next bundles instrumentation (which runs the scheduler) apart from the
// routes, so a module-level list registered from one would be invisible to the other.
const registry = globalThis as unknown as { bantinPublishHooks?: OutboxHandler[] };

/**
 * Adds a side effect of every publish and unpublish (the PDF pre-render registers here).
 * Returns the function that removes it.
 */
export function registerPublishHook(hook: OutboxHandler): () => void {
  const hooks = (registry.bantinPublishHooks ??= []);
  hooks.push(hook);
  return () => {
    const index = hooks.indexOf(hook);
    if (index >= 0) hooks.splice(index, 1);
  };
}

function defaultHandlers(): OutboxHandler[] {
  return [...(registry.bantinPublishHooks ?? [])];
}

function describeError(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}

/**
 * Runs the handlers for every pending row, one row per transaction, and marks it processed.
 * A failing row records the error and is retried by a later call, at most
 * MAX_OUTBOX_ATTEMPTS times. The scheduler calls it. (Public pages need no handler here: the
 * page cache hears every committed change from the database, see src/server/page-cache.)
 */
export async function processOutbox(
  handlers: readonly OutboxHandler[] = defaultHandlers(),
): Promise<{ processed: number; failed: number }> {
  const failedIds: number[] = [];
  let processed = 0;
  for (;;) {
    const outcome = await getDb().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<(OutboxEvent & { attempts: number })[]>`
          SELECT id, kind, "issueId", attempts FROM "PublishOutbox"
          WHERE "processedAt" IS NULL AND attempts < ${MAX_OUTBOX_ATTEMPTS} AND NOT (id = ANY(${failedIds}::int[]))
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return 'empty' as const;
        const event: OutboxEvent = { id: row.id, kind: row.kind, issueId: row.issueId };
        try {
          for (const handler of handlers) await handler(event);
        } catch (error) {
          const next = row.attempts + 1 < MAX_OUTBOX_ATTEMPTS ? 'sẽ thử lại ở lượt sau' : `đã thử ${MAX_OUTBOX_ATTEMPTS} lần, dừng lại`;
          log.error(`Tác vụ sau xuất bản lỗi; ${next}.`, { outboxId: row.id, kind: row.kind, issueId: row.issueId, error });
          failedIds.push(row.id);
          await tx.publishOutbox.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: describeError(error) } });
          return 'failed' as const;
        }
        await tx.publishOutbox.update({
          where: { id: row.id },
          data: { attempts: { increment: 1 }, processedAt: new Date(), lastError: null },
        });
        return 'processed' as const;
      },
      { timeout: HANDLER_TIMEOUT_MS },
    );
    if (outcome === 'empty') return { processed, failed: failedIds.length };
    if (outcome === 'processed') processed += 1;
  }
}
