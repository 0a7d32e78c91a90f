import { isSameOriginRequest } from '@/server/auth/request-origin';
import { TooLargeError } from '@/server/errors';
import { analyseUpload } from '@/server/import/review-session';
import { fileNameFromHeader, readBodyWithLimit, UploadTooLargeError } from '@/server/media/upload';
import { runRoute } from '@/server/outcome';
import { assertCan, ForbiddenError } from '@/server/permissions';
import { MAX_IMPORT_BYTES } from '@/schemas/import';

// Upload of a bulletin to import: the raw file is the request body, streamed with a byte cap,
// its name in X-File-Name. Answers the proposed issue for the review screen; refusals carry
// a Vietnamese `error`. Nothing is created here (the file is only staged for "Tạo số").

export async function POST(request: Request) {
  return runRoute({ attempted: 'issue.importUpload', entity: { type: 'issue' } }, async (actor) => {
    assertCan(actor, 'issue.compose');
    if (!isSameOriginRequest(request.headers)) throw new ForbiddenError('issue.compose');
    const bytes = await readBodyWithLimit(request, MAX_IMPORT_BYTES).catch((error: unknown) => {
      if (error instanceof UploadTooLargeError) throw new TooLargeError(`Tệp quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
      throw error;
    });
    const fileName = fileNameFromHeader(request.headers.get('x-file-name')) ?? 'ban-tin.txt';
    return Response.json(await analyseUpload(actor, fileName, bytes), { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
