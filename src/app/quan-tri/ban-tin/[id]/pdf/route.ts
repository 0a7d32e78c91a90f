import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { getActor } from '@/server/auth/session';
import { getIssueView } from '@/server/issues/queries';
import { PdfFailedError, PdfUnavailableError } from '@/server/errors';
import { getIssuePdf } from '@/server/pdf/cache';
import { issuePdfFileName } from '@/server/pdf/render';
import { can } from '@/server/permissions';
import { parseId } from '@/lib/route-params';
import { log } from '@/server/logger';

const textResponse = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });

// The print PDF of any issue, draft or not, for the people composing it: the editorial view,
// "BẢN XEM TRƯỚC" on every page, never cached by a browser or proxy.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return textResponse(401, 'Cần đăng nhập để tải bản xem trước.');
  if (!can(actor, 'issue.compose')) return textResponse(403, 'Bạn không có quyền thực hiện thao tác này.');
  const id = parseId((await params).id);
  const issue = id ? await getIssueView({ id }, { visibility: 'editorial' }) : null;
  if (!issue) return textResponse(404, 'Không tìm thấy số bản tin.');
  try {
    const stored = await getIssuePdf(issue, { preview: true });
    const file = await open(stored.path);
    return new Response(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(stored.size),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        // The name is built from two integers only: nothing to escape.
        'Content-Disposition': `attachment; filename="${issuePdfFileName(issue).replace(/\.pdf$/, '-xem-truoc.pdf')}"`,
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) return textResponse(503, error.message, { 'Retry-After': String(error.retryAfterSeconds) });
    if (error instanceof PdfFailedError) return textResponse(500, error.message);
    log.error('Không tạo được PDF xem trước.', { issueId: issue.id, error });
    return textResponse(500, 'Không tạo được bản PDF, vui lòng thử lại sau.');
  }
}
