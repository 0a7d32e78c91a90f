import 'server-only';
import { cache } from 'react';
import { getDb } from '../db/client';

export type SiteIdentity = { mastheadTitle: string; agencyName: string; creditLine: string; logoMediaId: number | null };

/** The masthead and office names every public page shows; from settings, never hard-coded. */
export const getSiteIdentity = cache(async (): Promise<SiteIdentity | null> => {
  const publication = await getDb().publication.findFirst({
    orderBy: { id: 'asc' },
    select: { mastheadTitle: true, agencyName: true, creditLine: true, logoMediaId: true },
  });
  return publication;
});
