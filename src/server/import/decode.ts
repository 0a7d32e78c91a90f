import 'server-only';
import iconv from 'iconv-lite';

// Text files come as UTF-8 (with or without BOM), UTF-16 from Notepad's "Unicode", or the
// Windows-1258 code page of older Vietnamese Windows, which writes tone marks as combining
// characters; whatever the source, the result is NFC.

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' };

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le').normalize('NFC'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le').normalize('NFC'), encoding: 'utf-16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text: text.normalize('NFC'), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the legacy Vietnamese Windows code page is the one in use in offices.
    return { text: iconv.decode(bytes, 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

/** How many Vietnamese letters the text has: a decoded legacy file with none was probably not Vietnamese. */
export const vietnameseLetterCount = (text: string) => text.match(VIETNAMESE)?.length ?? 0;
