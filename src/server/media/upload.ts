import 'server-only';
import { cleanText } from '@/lib/text';
import { TooLargeError } from '../errors';
import { MAX_UPLOAD_BYTES } from './images';

export class UploadTooLargeError extends TooLargeError {
  constructor() {
    super(`Ảnh quá lớn (tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`);
  }
}

/**
 * Reads a request body into memory, refusing it as soon as it passes `limit` bytes, whatever
 * Content-Length said: a short header does not let a long body through, and a long header
 * is refused before a byte is read.
 */
export async function readBodyWithLimit(request: Request, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLargeError();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw new UploadTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The X-File-Name header of the upload route: the browser sends it percent-encoded. */
export function fileNameFromHeader(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * A file name to keep for people's reference, whichever way the image came (editor upload,
 * logo form): no path, no control or direction characters (an RTL override makes "gpj.exe"
 * read "exe.jpg"), no leading dots, at most 255 characters.
 */
export function cleanFileName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const base = raw.split(/[\\/]/).pop() ?? '';
  return cleanText(base).replace(/^\.+/, '').trim().slice(0, 255) || null;
}
