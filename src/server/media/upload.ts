import 'server-only';
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

/** A file name to keep for people's reference: no path, no control or direction characters. */
export function cleanFileName(raw: string | null): string | null {
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC')
    .trim();
  return clean.slice(0, 255) || null;
}
