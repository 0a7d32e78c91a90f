import 'server-only';
import { inflateRawSync } from 'node:zlib';
import { rejected } from './sniff';

// A .docx is a ZIP. Before any library inflates it, its central directory is read and every
// entry's declared size checked (a ZIP bomb declares or hides gigabytes), then each entry is
// inflated here with an output cap equal to its declared size, so a lying header fails too.
// Macro-enabled documents (.docm, vbaProject.bin) are refused.

const MAX_ENTRIES = 5000;
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Text compresses well, but past this ratio on a large entry it is a bomb. */
const MAX_RATIO = 200;

type Entry = { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number };

const BOMB = 'Tệp .docx có nội dung nén bất thường (có thể là “bom ZIP”) nên không được mở.';
const CORRUPT = 'Tệp .docx bị hỏng (không đọc được cấu trúc ZIP). Hãy mở bằng Word, lưu lại rồi nhập.';

function centralDirectory(bytes: Buffer): Entry[] {
  const floor = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= floor; offset--) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw rejected(CORRUPT);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const start = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff) throw rejected(BOMB);
  if (count > MAX_ENTRIES) throw rejected(BOMB);
  if (start + size > bytes.length) throw rejected(CORRUPT);
  const entries: Entry[] = [];
  let offset = start;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw rejected(CORRUPT);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateCapped(bytes: Buffer, entry: Entry): Buffer {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw rejected(CORRUPT);
  const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw rejected(CORRUPT);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw rejected(BOMB);
    throw rejected(CORRUPT);
  }
}

/** Checks a .docx before it is opened; returns nothing, throws a Vietnamese refusal. */
export function assertSafeDocx(bytes: Buffer): void {
  const entries = centralDirectory(bytes);
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw rejected('Tệp .docx được đặt mật khẩu. Hãy bỏ mật khẩu trong Word, lưu lại rồi nhập.');
    total += entry.size;
    const suspicious = entry.size > 1024 * 1024 && entry.size > entry.compressedSize * MAX_RATIO;
    if (entry.size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES || suspicious) throw rejected(BOMB);
  }
  const names = new Set(entries.map((entry) => entry.name));
  const contentTypes = entries.find((entry) => entry.name === '[Content_Types].xml');
  const types = contentTypes ? inflateCapped(bytes, contentTypes).toString('utf8') : '';
  if ([...names].some((name) => /vbaProject\.bin$/i.test(name)) || /macroEnabled/i.test(types)) {
    throw rejected('Tệp Word có macro (.docm) không được nhập vì lý do an toàn. Hãy lưu thành .docx (không macro) rồi nhập lại.');
  }
  if (!names.has('word/document.xml')) throw rejected('Tệp không phải văn bản Word (.docx): thiếu phần nội dung chính.');
  for (const entry of entries) {
    if (inflateCapped(bytes, entry).length !== entry.size) throw rejected(BOMB);
  }
}
