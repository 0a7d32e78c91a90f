import { z } from 'zod';

// Who is editing an article: the lease's timing and what the editor and the server exchange.

/** The open editor renews its lease this often… */
export const HEARTBEAT_INTERVAL_MS = 20_000;
/** …and the lease is free once it has been quiet this long (tab closed, machine asleep). */
export const LEASE_TTL_MS = 60_000;
/**
 * Editing means changing: a tab takes the lease with its first change and gives it up after
 * this long without one (an article left open for reading blocks nobody).
 */
export const EDIT_IDLE_MS = 5 * 60_000;

/** A tab's own id (random, kept for the tab's life): two tabs of one person are two editors. */
export const tabIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Mã thẻ không hợp lệ.');

export const presenceRequestSchema = z.discriminatedUnion('intent', [
  // "I have it open and may edit": takes the lease when it is free.
  z.strictObject({ intent: z.literal('edit'), tab: tabIdSchema }),
  // "I only look": tells who edits, never takes the lease.
  z.strictObject({ intent: z.literal('view'), tab: tabIdSchema }),
  z.strictObject({ intent: z.literal('release'), tab: tabIdSchema }),
  // "Tiếp quản": only from the holder the person saw (`holderTab`), so two at once cannot both win.
  z.strictObject({ intent: z.literal('takeover'), tab: tabIdSchema, holderTab: tabIdSchema.nullable() }),
]);

export type PresenceRequest = z.input<typeof presenceRequestSchema>;

/** What an open editor knows about the lease. Dates as ISO strings. */
export type Presence = {
  /** This tab holds the lease: it may save. */
  mine: boolean;
  /** Someone else (or this person in another tab) holds it. */
  holder: { name: string; since: string; tab: string; isSelf: boolean } | null;
  /** The lease was taken from this very tab with "Tiếp quản". */
  takenOver: { by: string; at: string } | null;
};
