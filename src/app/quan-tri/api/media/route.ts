import { isSameOriginRequest } from '@/server/auth/request-origin';
import { getDb } from '@/server/db/client';
import { listMediaLibrary } from '@/server/media/library';
import { getMediaStorage, storeImage } from '@/server/media/service';
import { fileNameFromHeader, readBodyWithLimit } from '@/server/media/upload';
import { runRoute } from '@/server/outcome';
import { assertCan, ForbiddenError } from '@/server/permissions';
import { parsePageParam } from '@/lib/route-params';

// Image upload for the article editor: the raw file is the request body (no multipart), so it
// can be streamed with a byte cap. Answers JSON; refusals carry a Vietnamese `error`.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });

export async function POST(request: Request) {
  return runRoute({ attempted: 'media.upload', entity: { type: 'media' } }, async (actor) => {
    assertCan(actor, 'article.create');
    if (!isSameOriginRequest(request.headers)) throw new ForbiddenError('article.create');
    const bytes = await readBodyWithLimit(request);
    const media = await storeImage(getDb(), getMediaStorage(), bytes, {
      originalName: fileNameFromHeader(request.headers.get('x-file-name')),
      uploadedById: actor.id,
    });
    return json(media, 201);
  });
}

/** The media library, one page at a time (`?trang=`). */
export async function GET(request: Request) {
  return runRoute({ attempted: 'media.list', entity: { type: 'media' } }, async (actor) => {
    assertCan(actor, 'article.create');
    return json(await listMediaLibrary(parsePageParam(new URL(request.url).searchParams.get('trang') ?? undefined)));
  });
}
