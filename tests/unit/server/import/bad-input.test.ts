// Every refusal of issue 14's "Bad input" list: a clear Vietnamese message, no proposal.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyseImport } from '@/server/import/pipeline';
import { ValidationError } from '@/server/errors';
import { FIXTURES, KNOWN_SECTIONS, groundTruth } from './ground-truth';
import { buildZip, docxParts } from './zip-builder';

const fixture = (name: string) => readFile(path.join(FIXTURES, name));

async function refusal(name: string, bytes: Buffer): Promise<string> {
  const error = await analyseImport(name, bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).message;
}

describe('refused files', { timeout: 30_000 }, () => {
  it('a scanned PDF without text says OCR is needed', async () => {
    expect(await refusal('ban-scan.pdf', await fixture('scan-only.pdf'))).toMatch(/không có lớp chữ.*OCR/);
  });

  it('a password-protected PDF says to remove the password', async () => {
    expect(await refusal('ban-tin.pdf', await fixture('encrypted.pdf'))).toMatch(/mật khẩu/);
  });

  it('a ZIP bomb is refused from its declared sizes, before inflating', async () => {
    const bomb = buildZip(docxParts([{ name: 'word/media/image1.png', data: Buffer.alloc(70 * 1024 * 1024) }]));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal('bom.docx', bomb)).toMatch(/bom ZIP/);
  });

  it('a ZIP bomb that declares small sizes is caught while inflating with a cap', async () => {
    const liar = buildZip(docxParts([{ name: 'word/media/image1.png', data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 1000 }]));
    expect(await refusal('bom.docx', liar)).toMatch(/bom ZIP/);
  });

  it('a macro-enabled document (.docm, or a .docx carrying vbaProject.bin) is refused', async () => {
    const macros = buildZip(docxParts([{ name: 'word/vbaProject.bin', data: Buffer.from('Attribute VB_Name') }]));
    expect(await refusal('ban-tin.docm', macros)).toMatch(/macro/);
    expect(await refusal('ban-tin.docx', macros)).toMatch(/macro/);
  });

  it('a 100 MB file is refused by size', async () => {
    expect(await refusal('lon.pdf', Buffer.alloc(100 * 1024 * 1024, 0x20))).toMatch(/quá lớn.*tối đa 30 MB/);
  });

  it('a file with no recognisable title is refused', async () => {
    const note = Buffer.from('ghi chú: nhớ gửi báo cáo tuần trước thứ sáu, kèm bảng số liệu.\n\nkiểm tra lại danh sách.\n');
    expect(await refusal('ghi-chu.txt', note)).toMatch(/Không nhận ra bài viết nào/);
  });

  it('a wrong extension is named with what the file really is', async () => {
    expect(await refusal('so-17.docx', await fixture('so-17-2025.pdf'))).toMatch(/đuôi \.docx nhưng nội dung là PDF/);
    expect(await refusal('so-17.pdf', await fixture('so-17-2025.docx'))).toMatch(/đuôi \.pdf nhưng nội dung là tệp nén ZIP/);
    expect(await refusal('so-17.txt', await fixture('so-17-2025.pdf'))).toMatch(/đuôi \.txt nhưng nội dung là PDF/);
  });

  it('an old binary Word file says to save it as .docx', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
      Buffer.from('WordDocument', 'utf16le'),
    ]);
    expect(await refusal('ban-tin.doc', ole)).toMatch(/Word 97–2003.*lưu thành \.docx/);
    expect(await refusal('ban-tin.docx', ole)).toMatch(/lưu thành \.docx/);
  });

  it('other formats get the list of accepted ones', async () => {
    expect(await refusal('bang.xlsx', Buffer.from('PK\u0003\u0004'))).toMatch(/Chỉ nhập được tệp \.docx, \.pdf, \.html, \.md hoặc \.txt/);
    expect(await refusal('trong.txt', Buffer.alloc(0))).toMatch(/Tệp rỗng/);
  });
});

/** Vietnamese as the Windows-1258 code page writes it: base letters precomposed, tone marks combining. */
function toWindows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const split = [...text.normalize('NFC')]
    .map((char) => {
      const decomposed = char.normalize('NFD');
      const marks = decomposed.match(tones)?.join('') ?? '';
      return decomposed.replace(tones, '').normalize('NFC') + marks;
    })
    .join('');
  return iconv.encode(split, 'windows1258');
}

describe('text encodings', { timeout: 30_000 }, () => {
  it('NFD text is read as NFC: titles equal the NFC ground truth', async () => {
    const seed = (await fixture('so-08-2025.md')).toString('utf8').normalize('NFD');
    const { proposal } = await analyseImport('so-08.md', Buffer.from(seed), { knownSections: KNOWN_SECTIONS });
    const truth = await groundTruth('so-08-2025');
    const titles = proposal.sections.flatMap((section) => section.articles.map((article) => article.title));
    expect(titles).toEqual(truth.sections.flatMap((section) => section.articles.map((article) => article.title)));
    expect(titles.every((title) => title === title.normalize('NFC'))).toBe(true);
  });

  it('Windows-1258 text is detected and decoded, with a warning to check the accents', async () => {
    const utf8 = await fixture('diem-bao-2025-10-10.txt');
    const legacy = toWindows1258(utf8.toString('utf8'));
    expect(legacy.equals(utf8)).toBe(false);
    const expected = await analyseImport('diem-bao.txt', utf8);
    const decoded = await analyseImport('diem-bao.txt', legacy);
    expect(decoded.proposal.sections).toEqual(expected.proposal.sections);
    expect(decoded.proposal.warnings.some((warning) => warning.includes('Windows-1258'))).toBe(true);
  });

  it('UTF-16 (Notepad "Unicode") text is decoded', async () => {
    const utf8 = await fixture('trich-xuat-pdf.txt');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
    expect((await analyseImport('a.txt', utf16)).proposal.sections).toEqual((await analyseImport('a.txt', utf8)).proposal.sections);
  });
});
