import 'server-only';
import { getDb } from '../db/client';
import type { AuditEntityType } from '.';

// The audit trail of one thing, newest first, as people read it on its page ("Lịch sử").

export type AuditEntry = { id: number; action: string; actor: string | null; createdAt: Date; data: Record<string, unknown> };

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditTrail(
  entityType: AuditEntityType,
  entityId: number,
  page = 1,
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const rows = await getDb().auditEvent.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, action: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor?.name ?? null,
      createdAt: row.createdAt,
      data: row.data && typeof row.data === 'object' && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {},
    })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
  };
}
