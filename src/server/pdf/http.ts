import 'server-only';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DomainError } from '../errors';
import { log } from '../logger';
import type { IssueView } from '../issues/queries';
import { getIssuePdf } from './cache';
import type { PdfOptions } from './render';

// How both PDF routes answer: the file streamed from the PDF cache (or given bytes), with the
// route's own caching headers, and a refusal as a short Vietnamese text with its status.

export function pdfTextResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/** A file download: the name is built from two integers only, so nothing needs escaping. */
function pdfHeaders(size: number, fileName: string, headers: Record<string, string>) {
  return {
    ...headers,
    'Content-Type': 'application/pdf',
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  };
}

export function pdfBytesResponse(bytes: Uint8Array, fileName: string, headers: Record<string, string>): Response {
  return new Response(Buffer.from(bytes), { headers: pdfHeaders(bytes.length, fileName, headers) });
}

/** The issue's PDF from the cache (rendered once per content by the PDF workers). */
export async function issuePdfResponse(
  issue: IssueView,
  { options = {}, key, fileName, headers }: { options?: PdfOptions; key?: string; fileName: string; headers: Record<string, string> },
): Promise<Response> {
  const stored = await getIssuePdf(issue, options, key);
  const file = await open(stored.path);
  return new Response(Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>, {
    headers: pdfHeaders(stored.size, fileName, headers),
  });
}

/** A refusal (busy renderers, a PDF that cannot be made) in words; anything else logged as a fault. */
export function pdfErrorResponse(error: unknown, issueLabel: string, headers: Record<string, string> = {}): Response {
  if (error instanceof DomainError) {
    if (error.status >= 500) log.warn(`PDF ${issueLabel}: ${error.message}`);
    const retry: Record<string, string> = 'retryAfterSeconds' in error ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
    return pdfTextResponse(error.status, error.message, { ...headers, ...retry });
  }
  log.error(`Không tạo được PDF ${issueLabel}.`, { error });
  return pdfTextResponse(500, 'Không tạo được bản PDF, vui lòng thử lại sau.', headers);
}
