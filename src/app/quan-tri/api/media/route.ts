import { getActor } from '@/server/auth/session';
import { isSameOriginRequest } from '@/server/auth/request-origin';
import { getDb } from '@/server/db/client';
import { ImageRejectedError } from '@/server/media/images';
import { listMediaLibrary } from '@/server/media/library';
import { getMediaStorage, storeImage } from '@/server/media/service';
import { fileNameFromHeader, readBodyWithLimit, UploadTooLargeError } from '@/server/media/upload';
import { can } from '@/server/permissions';
import { parsePageParam } from '@/lib/route-params';

// Image upload for the article editor: the raw file is the request body (no multipart), so it
// can be streamed with a byte cap. Answers JSON; errors carry a Vietnamese `error`.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });

const fail = (status: number, error: string) => json({ error }, status);

async function allowedActor() {
  const actor = await getActor();
  if (!actor) return { refusal: fail(401, 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.') };
  if (!can(actor, 'article.create')) return { refusal: fail(403, 'Bạn không có quyền tải ảnh lên.') };
  return { actor };
}

export async function POST(request: Request) {
  const { actor, refusal } = await allowedActor();
  if (refusal) return refusal;
  if (!isSameOriginRequest(request.headers)) return fail(403, 'Yêu cầu không đến từ trang quản trị.');
  let bytes: Buffer;
  try {
    bytes = await readBodyWithLimit(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return fail(413, error.message);
    throw error;
  }
  try {
    const media = await storeImage(getDb(), getMediaStorage(), bytes, {
      originalName: fileNameFromHeader(request.headers.get('x-file-name')),
      uploadedById: actor.id,
    });
    return json(media, 201);
  } catch (error) {
    if (error instanceof ImageRejectedError) return fail(422, error.message);
    throw error;
  }
}

/** The media library, one page at a time (`?trang=`). */
export async function GET(request: Request) {
  const { refusal } = await allowedActor();
  if (refusal) return refusal;
  return json(await listMediaLibrary(parsePageParam(new URL(request.url).searchParams.get('trang') ?? undefined)));
}
