import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { getIssueView } from '@/server/issues/queries';
import { getIssuePrintFile } from '@/server/import/print-file';
import { PdfFailedError, PdfUnavailableError } from '@/server/errors';
import { getIssuePdf, issuePdfKey } from '@/server/pdf/cache';
import { issuePdfFileName } from '@/server/pdf/render';
import { parseIssueAddress } from '@/lib/route-params';
import { log } from '@/server/logger';

const textResponse = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });

/** If-None-Match holds this entity tag (weak comparison, as RFC 9110 asks for GET). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

// The print edition of a public issue. Drafts and issues not yet due are 404 like any
// unknown address; the file comes from the PDF cache, rendered once per content.
export async function GET(request: Request, { params }: { params: Promise<{ year: string; number: string }> }) {
  const address = parseIssueAddress(await params);
  if (!address) return textResponse(404, 'Không tìm thấy số bản tin.');
  try {
    const issue = await getIssueView(address, { visibility: 'public' });
    if (!issue) return textResponse(404, 'Không tìm thấy số bản tin.');
    // A back issue brought in with its original PDF is served that file, not a rendering.
    const original = await getIssuePrintFile(issue.id);
    const key = original ? `original-${original.sha256}` : issuePdfKey(issue);
    const headers = {
      ETag: `"${key}"`,
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    };
    if (matches(request.headers.get('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
    const disposition = `attachment; filename="${issuePdfFileName(issue)}"`;
    if (original) {
      return new Response(Buffer.from(original.bytes), {
        headers: {
          ...headers,
          'Content-Type': 'application/pdf',
          'Content-Length': String(original.bytes.length),
          'Content-Disposition': disposition,
        },
      });
    }
    const stored = await getIssuePdf(issue, {}, key);
    const file = await open(stored.path);
    return new Response(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Length': String(stored.size),
        // The name is built from two integers only: nothing to escape.
        'Content-Disposition': disposition,
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      log.warn(`PDF số ${address.number}/${address.year}: ${error.message}`);
      return textResponse(503, error.message, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    if (error instanceof PdfFailedError) return textResponse(500, error.message);
    log.error(`Không tạo được PDF số ${address.number}/${address.year}.`, { error });
    return textResponse(500, 'Không tạo được bản PDF, vui lòng thử lại sau.');
  }
}
