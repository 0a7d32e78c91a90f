import 'server-only';

// The little of the tar format (POSIX ustar) that backups need: regular files and symlinks,
// names up to 100 bytes, sizes beyond 8 GiB in GNU base-256. A plain tar so that, without the
// application, `tar xf` still opens a backup. Reading is streamed and strict: a short read is a
// truncated archive, a bad header checksum a damaged one.

const BLOCK = 512;
const ZERO_BLOCK = Buffer.alloc(BLOCK);

export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly isTruncated = false,
  ) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function writeOctal(block: Buffer, value: number, offset: number, length: number) {
  block.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtime: Date, mode = 0o644): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`Tên tệp quá dài cho tar: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  writeOctal(block, mode, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  if (size < 8 ** 11) writeOctal(block, size, 124, 12);
  else {
    // GNU base-256: high bit set, big-endian binary in the remaining 11 bytes.
    block[124] = 0x80;
    block.writeBigUInt64BE(BigInt(size), 124 + 4);
  }
  writeOctal(block, Math.floor(mtime.getTime() / 1000), 136, 12);
  block.write('        ', 148, 8, 'ascii');
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\0' + '00', 257, 8, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return block;
}

export const tarPadding = (size: number): Buffer => ZERO_BLOCK.subarray(0, (BLOCK - (size % BLOCK)) % BLOCK);

/** Two zero blocks close an archive. */
export const tarEnd = (): Buffer => Buffer.alloc(BLOCK * 2);

/** Reads exact byte counts from a chunked source; running out is a truncated archive. */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private isDone = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(wanted: number) {
    while (this.buffered < wanted && !this.isDone) {
      const next = await this.source.next();
      if (next.done) this.isDone = true;
      else {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
  }

  private take(count: number): Buffer {
    const first = this.chunks[0]!;
    if (count > first.length) this.chunks = [Buffer.concat(this.chunks)];
    const whole = this.chunks[0]!;
    if (count < whole.length) this.chunks[0] = whole.subarray(count);
    else this.chunks.shift();
    this.buffered -= count;
    return whole.subarray(0, count);
  }

  async exactly(count: number): Promise<Buffer> {
    await this.fill(count);
    if (this.buffered < count) throw new TarFormatError('Tệp sao lưu bị cắt cụt (thiếu dữ liệu ở cuối).', true);
    return this.take(count);
  }

  /** Up to `count` bytes, at least one: for streaming a file's content without holding it. */
  async some(count: number): Promise<Buffer> {
    await this.fill(1);
    if (this.buffered === 0) throw new TarFormatError('Tệp sao lưu bị cắt cụt (thiếu dữ liệu ở cuối).', true);
    return this.take(Math.min(count, this.chunks[0]!.length));
  }
}

function readOctal(block: Buffer, offset: number, length: number): number {
  if (block[offset]! & 0x80) return Number(block.readBigUInt64BE(offset + length - 8));
  const text = block
    .toString('ascii', offset, offset + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError('Tệp sao lưu bị hỏng (phần đầu một mục không đọc được).');
  return text ? parseInt(text, 8) : 0;
}

function checksumOf(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum;
}

export type TarEntry = {
  name: string;
  /** '0' regular file, '2' symlink, '5' directory, … */
  type: string;
  size: number;
  mode: number;
  linkName: string;
  /** The content, streamed; read it whole before asking for the next entry. */
  content: AsyncIterable<Buffer>;
};

/** The entries of a tar stream, in order; throws TarFormatError on a damaged or short archive. */
export async function* readTar(source: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(
    (async function* () {
      yield* source;
    })(),
  );
  for (;;) {
    const block = await reader.exactly(BLOCK);
    if (block.equals(ZERO_BLOCK)) return;
    if (readOctal(block, 148, 8) !== checksumOf(block)) {
      throw new TarFormatError('Tệp sao lưu bị hỏng (sai tổng kiểm tra phần đầu một mục).');
    }
    const prefix = block.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const baseName = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = readOctal(block, 124, 12);
    let remaining = size;
    const content = (async function* () {
      while (remaining > 0) {
        const chunk = await reader.some(remaining);
        remaining -= chunk.length;
        yield chunk;
      }
    })();
    yield {
      name: prefix ? `${prefix}/${baseName}` : baseName,
      type: String.fromCharCode(block[156] || 48),
      size,
      mode: readOctal(block, 100, 8),
      linkName: block.toString('utf8', 157, 257).replace(/\0.*$/s, ''),
      content,
    };
    // Whatever the consumer left unread is skipped, then the padding.
    while (remaining > 0) remaining -= (await reader.some(remaining)).length;
    await reader.exactly((BLOCK - (size % BLOCK)) % BLOCK);
  }
}
