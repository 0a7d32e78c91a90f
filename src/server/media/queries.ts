import 'server-only';
import { getDb } from '../db/client';
import { publicArticleWhere } from '../publishing/visibility';

/** A media row the public may see: used by a public article, or the publication's logo. */
export async function findPublicMedia(id: number, now = new Date()) {
  return getDb().media.findFirst({
    where: {
      id,
      OR: [{ articles: { some: { article: publicArticleWhere(now) } } }, { publicationLogos: { some: {} } }],
    },
    select: { id: true, storageKey: true },
  });
}
