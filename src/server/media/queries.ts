import 'server-only';
import { getDb } from '../db/client';
import { publicArticleWhere } from '../publishing/visibility';
import { rememberPublic } from '../page-cache/remember';

/** A media row the public may see: used by a public article, or the publication's logo. */
export async function findPublicMedia(id: number, now = new Date()) {
  return getDb().media.findFirst({
    where: {
      id,
      OR: [{ articles: { some: { article: publicArticleWhere(now) } } }, { publicationLogos: { some: {} } }],
    },
    select: { id: true, storageKey: true, sha256: true },
  });
}

/** findPublicMedia for the media route: an issue page asks for each of its images on every view. */
export const findPublicMediaRemembered = rememberPublic((id) => findPublicMedia(id));
