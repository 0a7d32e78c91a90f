import 'server-only';
import path from 'node:path';
import { ValidationError } from '../errors';
import { MAX_IMPORT_BYTES } from '@/schemas/import';

// Which reader a file goes to, decided by its bytes and checked against its name: a file whose
// content disagrees with its extension is refused with a message saying what it really is.

export type ImportFormat = 'docx' | 'pdf' | 'html' | 'markdown' | 'text';

const MB = 1024 * 1024;

export const rejected = (message: string) => new ValidationError(message, { file: message });

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const isZip = (bytes: Buffer) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
const isPdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes('%PDF-');
const isOle = (bytes: Buffer) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isRtf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '{\\rtf';

/** A UTF-16 name as it appears inside an OLE compound file's directory. */
const oleName = (name: string) => Buffer.from(name, 'utf16le');

function describeBinary(bytes: Buffer): string | null {
  if (isPdf(bytes)) return 'PDF';
  if (isZip(bytes)) return 'tệp nén ZIP (Word .docx, Excel hoặc tệp nén)';
  if (isOle(bytes)) return 'tệp Office cũ (.doc/.xls)';
  if (isRtf(bytes)) return 'RTF';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) return 'tệp nhị phân';
  return null;
}

/** Refuses what no reader takes, with what to do instead; otherwise the reader to use. */
export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  if (bytes.length === 0) throw rejected('Tệp rỗng.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw rejected(
      `Tệp quá lớn (${Math.ceil(bytes.length / MB)} MB; tối đa ${MAX_IMPORT_BYTES / MB} MB). Hãy tách bản tin hoặc giảm dung lượng ảnh.`,
    );
  }
  const extension = path.extname(fileName).toLowerCase();
  const name = path.basename(fileName);
  if (isOle(bytes)) {
    // An encrypted .docx is an OLE container holding "EncryptionInfo"; a .doc holds "WordDocument".
    if (bytes.includes(oleName('EncryptionInfo'))) {
      throw rejected(`Tệp “${name}” được đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu, lưu lại rồi nhập.`);
    }
    throw rejected(`Tệp “${name}” là định dạng Word 97–2003 (.doc) không đọc được. Hãy mở bằng Word và lưu thành .docx rồi nhập lại.`);
  }
  const mismatch = (actual: string) =>
    rejected(`Tệp “${name}” có đuôi ${extension || '(không có đuôi)'} nhưng nội dung là ${actual}. Hãy đổi đúng đuôi tệp rồi nhập lại.`);
  switch (extension) {
    case '.docx':
    case '.docm':
      if (!isZip(bytes)) throw mismatch(describeBinary(bytes) ?? 'văn bản thường');
      return 'docx';
    case '.pdf':
      if (!isPdf(bytes)) throw mismatch(describeBinary(bytes) ?? 'văn bản thường');
      return 'pdf';
    case '.html':
    case '.htm':
    case '.md':
    case '.txt': {
      const binary = describeBinary(bytes);
      if (binary) throw mismatch(binary);
      return extension === '.md' ? 'markdown' : extension === '.txt' ? 'text' : 'html';
    }
    case '.doc':
      throw rejected(`Tệp “${name}” là định dạng Word 97–2003 (.doc). Hãy mở bằng Word và lưu thành .docx rồi nhập lại.`);
    case '.odt':
    case '.rtf':
      throw rejected(`Chưa đọc được tệp ${extension}. Hãy mở bằng Word hoặc LibreOffice và lưu thành .docx rồi nhập lại.`);
    default:
      throw rejected(`Chỉ nhập được tệp .docx, .pdf, .html, .md hoặc .txt (tệp “${name}” không thuộc loại nào trong số đó).`);
  }
}
