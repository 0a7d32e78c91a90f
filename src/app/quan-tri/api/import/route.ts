import { getActor } from '@/server/auth/session';
import { isSameOriginRequest } from '@/server/auth/request-origin';
import { ValidationError } from '@/server/errors';
import { analyseUpload } from '@/server/import/review-session';
import { cleanFileName, readBodyWithLimit, UploadTooLargeError } from '@/server/media/upload';
import { can } from '@/server/permissions';
import { MAX_IMPORT_BYTES } from '@/schemas/import';

// Upload of a bulletin to import: the raw file is the request body, streamed with a byte cap,
// its name in X-File-Name. Answers the proposed issue for the review screen; refusals carry
// a Vietnamese `error`. Nothing is created here (the file is only staged for "Tạo số").

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
const fail = (status: number, error: string) => json({ error }, status);

export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor) return fail(401, 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  if (!can(actor, 'issue.compose')) return fail(403, 'Bạn không có quyền nhập bản tin.');
  if (!isSameOriginRequest(request.headers)) return fail(403, 'Yêu cầu không đến từ trang quản trị.');
  let bytes: Buffer;
  try {
    bytes = await readBodyWithLimit(request, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return fail(413, `Tệp quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    throw error;
  }
  const fileName = cleanFileName(request.headers.get('x-file-name')) ?? 'ban-tin.txt';
  try {
    return json(await analyseUpload(actor, fileName, bytes));
  } catch (error) {
    if (error instanceof ValidationError) return fail(422, error.message);
    throw error;
  }
}
