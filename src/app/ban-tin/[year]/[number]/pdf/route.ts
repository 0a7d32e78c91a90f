import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { getIssueView } from '@/server/issues/queries';
import { getIssuePdf, issuePdfKey, PdfTimeoutError } from '@/server/pdf/cache';
import { issuePdfFileName } from '@/server/pdf/render';
import { parseIssueAddress } from '@/lib/route-params';
import { matchesEntityTag, PUBLIC_FILE_CACHE_CONTROL } from '@/lib/http-headers';
import { isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';

const textResponse = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });

// The print edition of a public issue. Drafts and issues not yet due are 404 like any
// unknown address; the file comes from the PDF cache, rendered once per content.
export async function GET(request: Request, { params }: { params: Promise<{ year: string; number: string }> }) {
  const address = parseIssueAddress(await params);
  if (!address) return textResponse(404, 'Không tìm thấy số bản tin.');
  try {
    const issue = await getIssueView(address, { visibility: 'public' });
    if (!issue) return textResponse(404, 'Không tìm thấy số bản tin.');
    const key = issuePdfKey(issue);
    const headers = {
      ETag: `"${key}"`,
      // A shared cache revalidates every second: an unpublished issue's PDF is gone at once.
      'Cache-Control': PUBLIC_FILE_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    };
    if (matchesEntityTag(request.headers.get('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
    const stored = await getIssuePdf(issue, key);
    const file = await open(stored.path);
    return new Response(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Length': String(stored.size),
        // The name is built from two integers only: nothing to escape.
        'Content-Disposition': `attachment; filename="${issuePdfFileName(issue)}"`,
      },
    });
  } catch (error) {
    if (!isDatabaseReachable()) return serviceUnavailableResponse();
    if (error instanceof PdfTimeoutError) {
      console.warn(`PDF số ${address.number}/${address.year}: ${error.message}`);
      return textResponse(503, 'Bản PDF đang được tạo, vui lòng thử lại sau ít phút.', { 'Retry-After': '30' });
    }
    console.error(`Không tạo được PDF số ${address.number}/${address.year}:`, error);
    return textResponse(500, 'Không tạo được bản PDF, vui lòng thử lại sau.');
  }
}
