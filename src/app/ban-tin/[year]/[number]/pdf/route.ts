import { getIssueView } from '@/server/issues/queries';
import { getIssuePrintFile } from '@/server/import/print-file';
import { isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';
import { issuePdfKey } from '@/server/pdf/cache';
import { issuePdfResponse, pdfBytesResponse, pdfErrorResponse, pdfTextResponse } from '@/server/pdf/http';
import { issuePdfFileName } from '@/server/pdf/render';
import { matchesEntityTag, PUBLIC_FILE_CACHE_CONTROL } from '@/lib/http-headers';
import { parseIssueAddress } from '@/lib/route-params';

// The print edition of a public issue. Drafts and issues not yet due are 404 like any unknown
// address. A back issue brought in with its original PDF is served that file; any other comes
// from the PDF cache, rendered once per content.
export async function GET(request: Request, { params }: { params: Promise<{ year: string; number: string }> }) {
  const address = parseIssueAddress(await params);
  if (!address) return pdfTextResponse(404, 'Không tìm thấy số bản tin.');
  try {
    const issue = await getIssueView(address, { visibility: 'public' });
    if (!issue) return pdfTextResponse(404, 'Không tìm thấy số bản tin.');
    const original = await getIssuePrintFile(issue.id);
    const key = original ? `original-${original.sha256}` : issuePdfKey(issue);
    // A shared cache revalidates every second: an unpublished issue's PDF is gone at once.
    const headers = { ETag: `"${key}"`, 'Cache-Control': PUBLIC_FILE_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' };
    if (matchesEntityTag(request.headers.get('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
    const fileName = issuePdfFileName(issue);
    if (original) return pdfBytesResponse(original.bytes, fileName, headers);
    return await issuePdfResponse(issue, { key, fileName, headers });
  } catch (error) {
    if (!isDatabaseReachable()) return serviceUnavailableResponse();
    return pdfErrorResponse(error, `số ${address.number}/${address.year}`);
  }
}
