import 'server-only';
import { recordAudit } from '../audit';
import { canEditArticle } from '../articles/abilities';
import { getDb, type Transaction } from '../db/client';
import { ConflictError, DomainError, NotFoundError } from '../errors';
import { ForbiddenError, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { LEASE_TTL_MS, presenceRequestSchema, type Presence } from '@/schemas/presence';
import { formatTime } from '@/lib/dates';
import type { EditingLease } from '@/generated/prisma/client';

// "Đang được sửa bởi …": one editing lease per article, renewed by the open editor's heartbeat
// and free once quiet for LEASE_TTL_MS. Only the holder's saves go through while it is live
// (assertNotEditedByOther); the version check stays the final guard for everything else.
// The lease row is locked for every change, so two take-overs at once cannot both win.

/** Saving while someone else holds the lease: the text stays in the editor and this browser. */
export class EditingTakenError extends DomainError {
  readonly status = 423;
}

type LeaseWithNames = EditingLease & { holder: { name: string } };

const KEEP_LOCAL = 'Nội dung bạn chưa lưu vẫn được giữ trên máy này.';

const isLive = <T extends EditingLease>(lease: T | null, now: Date): lease is T => lease !== null && lease.expiresAt > now;

function presenceOf(lease: LeaseWithNames | null, actor: PermissionActor, tab: string, now: Date): Presence {
  if (!isLive(lease, now)) return { mine: false, holder: null, takenOver: null };
  const mine = lease.holderId === actor.id && lease.tabId === tab;
  if (mine) return { mine, holder: null, takenOver: null };
  const wasMine = lease.previousHolderId === actor.id && lease.previousTabId === tab && lease.takenOverAt !== null;
  return {
    mine,
    holder: { name: lease.holder.name, since: lease.startedAt.toISOString(), tab: lease.tabId, isSelf: lease.holderId === actor.id },
    takenOver: wasMine ? { by: lease.holder.name, at: lease.takenOverAt!.toISOString() } : null,
  };
}

const readLease = (db: Transaction | ReturnType<typeof getDb>, articleId: number) =>
  db.editingLease.findUnique({ where: { articleId }, include: { holder: { select: { name: true } } } });

/** The lease row locked for this transaction, or null when the article has none. */
async function lockLease(tx: Transaction, articleId: number): Promise<LeaseWithNames | null> {
  await tx.$queryRaw`SELECT 1 FROM "EditingLease" WHERE "articleId" = ${articleId} FOR UPDATE`;
  return readLease(tx, articleId);
}

const holding = (actor: PermissionActor, tab: string, now: Date) => ({
  holderId: actor.id,
  tabId: tab,
  startedAt: now,
  expiresAt: new Date(now.getTime() + LEASE_TTL_MS),
  previousHolderId: null,
  previousTabId: null,
  takenOverAt: null,
});

/** Takes the lease when it is free (or renews this tab's); someone else's live lease stays theirs. */
async function claim(tx: Transaction, actor: PermissionActor, articleId: number, tab: string, now: Date): Promise<LeaseWithNames | null> {
  // skipDuplicates: ON CONFLICT DO NOTHING, so a simultaneous first claim does not abort this one.
  const { count } = await tx.editingLease.createMany({ data: [{ articleId, ...holding(actor, tab, now) }], skipDuplicates: true });
  if (count > 0) return readLease(tx, articleId);
  const lease = await lockLease(tx, articleId);
  if (!isLive(lease, now)) {
    return tx.editingLease.update({
      where: { articleId },
      data: holding(actor, tab, now),
      include: { holder: { select: { name: true } } },
    });
  }
  if (lease.holderId === actor.id && lease.tabId === tab) {
    return tx.editingLease.update({
      where: { articleId },
      data: { expiresAt: new Date(now.getTime() + LEASE_TTL_MS) },
      include: { holder: { select: { name: true } } },
    });
  }
  return lease;
}

/** "Tiếp quản": the lease moves to this tab, from the holder the person saw and no other. */
async function takeOver(
  tx: Transaction,
  actor: PermissionActor,
  articleId: number,
  tab: string,
  holderTab: string | null,
  now: Date,
): Promise<LeaseWithNames | null> {
  const lease = await lockLease(tx, articleId);
  const live = isLive(lease, now) ? lease : null;
  if (live && live.tabId !== tab && live.tabId !== holderTab) {
    throw new ConflictError(
      `${live.holder.name} đã nhận sửa bài này (từ ${formatTime(live.startedAt)}) trước bạn. Hãy xem lại trước khi tiếp quản.`,
    );
  }
  if (!live || live.tabId === tab) return claim(tx, actor, articleId, tab, now);
  const updated = await tx.editingLease.update({
    where: { articleId },
    data: { ...holding(actor, tab, now), previousHolderId: live.holderId, previousTabId: live.tabId, takenOverAt: now },
    include: { holder: { select: { name: true } } },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'article.takenOver',
    entityType: 'article',
    entityId: articleId,
    data: { fromUserId: live.holderId, from: live.holder.name, since: live.startedAt.toISOString() },
  });
  return updated;
}

/**
 * The editor's heartbeat and its other requests: `edit` takes or renews the lease when the
 * person may edit (else it only looks), `view` only looks, `release` gives this tab's lease
 * up, `takeover` moves it here. Answers what this tab should show.
 */
export async function updatePresence(actor: PermissionActor, articleId: number, input: unknown, now = new Date()): Promise<Presence> {
  const request = parseInput(presenceRequestSchema, input);
  const db = getDb();
  const article = await db.article.findUnique({ where: { id: articleId }, select: { authorId: true, status: true } });
  if (!article) throw new NotFoundError('Không tìm thấy bài viết.');
  const mayEdit = canEditArticle(actor, article);
  let lease: LeaseWithNames | null;
  switch (request.intent) {
    case 'release':
      await db.editingLease.deleteMany({ where: { articleId, holderId: actor.id, tabId: request.tab } });
      lease = await readLease(db, articleId);
      break;
    case 'takeover':
      if (!mayEdit) throw new ForbiddenError('article.editOthersBeforeApproval');
      lease = await db.$transaction((tx) => takeOver(tx, actor, articleId, request.tab, request.holderTab, now));
      break;
    case 'edit':
      lease = mayEdit ? await db.$transaction((tx) => claim(tx, actor, articleId, request.tab, now)) : await readLease(db, articleId);
      break;
    case 'view':
      lease = await readLease(db, articleId);
  }
  return presenceOf(lease, actor, request.tab, now);
}

/** Who holds the article now, for the page's first render (before the tab's first heartbeat). */
export async function currentPresence(actor: PermissionActor, articleId: number, now = new Date()): Promise<Presence> {
  return presenceOf(await readLease(getDb(), articleId), actor, '', now);
}

/**
 * For every save of the text: refused while another person holds a live lease (they opened
 * the article first, or took it over). The same person in another tab may save; the version
 * check decides between their tabs.
 */
export async function assertNotEditedByOther(tx: Transaction, articleId: number, actorId: number, now = new Date()): Promise<void> {
  const lease = await readLease(tx, articleId);
  if (!isLive(lease, now) || lease.holderId === actorId) return;
  const name = lease.holder.name;
  throw new EditingTakenError(
    lease.previousHolderId === actorId && lease.takenOverAt
      ? `${name} đã tiếp quản bài viết lúc ${formatTime(lease.takenOverAt)}. ${KEEP_LOCAL}`
      : `${name} đang sửa bài viết này (từ ${formatTime(lease.startedAt)}). ${KEEP_LOCAL}`,
  );
}
