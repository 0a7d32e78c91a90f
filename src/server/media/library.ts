import 'server-only';
import { getDb } from '../db/client';

// The editorial side of media: signed-in people see every image, published or not.

/** Any stored image by id; only for a signed-in actor (the media route checks that). */
export async function findMediaForEditors(id: number) {
  return getDb().media.findUnique({ where: { id }, select: { id: true, storageKey: true, sha256: true } });
}

export const MEDIA_PAGE_SIZE = 24;

export type MediaLibraryPage = {
  items: {
    id: number;
    width: number;
    height: number;
    caption: string | null;
    credit: string | null;
    alt: string | null;
    originalName: string | null;
    createdAt: string;
  }[];
  page: number;
  pageCount: number;
};

/** Uploaded images, newest first. */
export async function listMediaLibrary(page: number): Promise<MediaLibraryPage> {
  const db = getDb();
  const total = await db.media.count();
  const pageCount = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.media.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * MEDIA_PAGE_SIZE,
    take: MEDIA_PAGE_SIZE,
    select: { id: true, width: true, height: true, caption: true, credit: true, alt: true, originalName: true, createdAt: true },
  });
  return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), page: current, pageCount };
}
