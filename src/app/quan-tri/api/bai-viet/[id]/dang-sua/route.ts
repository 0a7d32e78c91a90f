import { isSameOriginRequest } from '@/server/auth/request-origin';
import { TooLargeError, ValidationError } from '@/server/errors';
import { runRoute } from '@/server/outcome';
import { ForbiddenError } from '@/server/permissions';
import { updatePresence } from '@/server/presence/lease';
import { requireId } from '@/server/validation';

// The open editor's heartbeat ("Đang được sửa bởi …"): JSON in, the presence out. The tab's
// last word on closing comes by navigator.sendBeacon, whose body is text/plain: the body is
// read as text whatever its type.

const MAX_BODY_BYTES = 1024;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new TooLargeError('Yêu cầu quá lớn.');
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Yêu cầu không hợp lệ.');
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return runRoute({ attempted: 'article.presence', entity: { type: 'article', id } }, async (actor) => {
    if (!isSameOriginRequest(request.headers)) throw new ForbiddenError('article.comment');
    const presence = await updatePresence(actor, requireId(id, 'bài viết'), await readJson(request));
    return Response.json(presence, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
