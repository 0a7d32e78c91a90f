import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { getDocument, ImageKind, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { Inline, ReadResult } from '../blocks';
import { rejected } from '../sniff';
import { layoutBlocks, type PdfLine, type PdfPage, type PdfPicture } from './pdf-layout';

// PDFs with a text layer, read with pdfjs-dist's legacy build in this process: no network, no
// worker script fetched, fonts not loaded as faces, eval off. Text items become lines (with
// size, bold, italic from the font name); photos drawn on the page are located through the
// operator list and re-encoded as JPEG, so captions can be paired with them.

const MAX_PAGES = 300;
const MAX_IMAGES = 300;
const MAX_IMAGE_PIXELS = 25_000_000;
/** Smaller drawings (logos, rules, icons) are not photos. */
const MIN_PHOTO_POINTS = 40;

/** pdfjs-dist's folder, found from the project root (import.meta.url is not a path once bundled). */
const pdfjsRoot = () => path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('pdfjs-dist/package.json'));

type Matrix = number[];
type RawImage = { width: number; height: number; kind: number; data?: Uint8Array | Uint8ClampedArray };

async function pageLines(page: PDFPageProxy): Promise<PdfLine[]> {
  const content = await page.getTextContent();
  const lines: PdfLine[] = [];
  let current: (PdfLine & { x: number }) | null = null;
  let endOfLine = false;
  for (const item of content.items as TextItem[]) {
    if (typeof item.str !== 'string' || (!item.str && !item.hasEOL)) continue;
    const [a, b, , d, x, y] = item.transform as number[];
    const size = Math.hypot(a!, b!) || Math.abs(d!) || 1;
    const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }) : null;
    const fontName = font?.name ?? '';
    const run: Inline = { text: item.str.normalize('NFC') };
    if (/bold|black|heavy|semibold|demi/i.test(fontName)) run.bold = true;
    if (/italic|oblique/i.test(fontName)) run.italic = true;
    const sameLine = current && !endOfLine && Math.abs(current.y - y!) < size * 0.4;
    if (!sameLine) {
      current = { text: '', runs: [], x: x!, x1: x!, y: y!, size, bold: true, italic: true };
      lines.push(current);
    } else if (x! - current!.x1 > size * 0.15 && !/\s$/.test(current!.text) && !/^\s/.test(item.str)) {
      current!.runs.push({ text: ' ' });
      current!.text += ' ';
    }
    if (item.str) {
      current!.runs.push(run);
      current!.text += run.text;
      current!.x1 = Math.max(current!.x1, x! + item.width);
      current!.size = Math.max(current!.size, size);
      if (item.str.trim()) {
        current!.bold &&= Boolean(run.bold);
        current!.italic &&= Boolean(run.italic);
      }
    }
    endOfLine = item.hasEOL;
  }
  return lines.filter((line) => line.text.trim());
}

async function encode(raw: RawImage): Promise<Buffer | null> {
  if (!raw.data || raw.width * raw.height > MAX_IMAGE_PIXELS) return null;
  const channels = raw.kind === ImageKind.RGBA_32BPP ? 4 : raw.kind === ImageKind.RGB_24BPP ? 3 : 0;
  if (!channels) return null;
  return sharp(Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength), {
    raw: { width: raw.width, height: raw.height, channels },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Where photos are drawn on the page (top edge, in PDF units), with their pixels when pdfjs decoded them. */
async function pagePictures(page: PDFPageProxy, images: Buffer[]): Promise<PdfPicture[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const pictures: PdfPicture[] = [];
  const stack: Matrix[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  for (const [index, fn] of fnArray.entries()) {
    const args = argsArray[index] as unknown[];
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform) matrix = Util.transform(matrix, args as Matrix) as Matrix;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const height = Math.abs(matrix[3]!);
      const width = Math.abs(matrix[0]!);
      if (height < MIN_PHOTO_POINTS || width < MIN_PHOTO_POINTS) continue;
      let image: number | null = null;
      if (fn === OPS.paintImageXObject && images.length < MAX_IMAGES) {
        const id = args[0] as string;
        const raw = (page.objs.has(id) ? page.objs.get(id) : page.commonObjs.has(id) ? page.commonObjs.get(id) : null) as RawImage | null;
        const bytes = raw ? await encode(raw).catch(() => null) : null;
        if (bytes) image = images.push(bytes) - 1;
      }
      pictures.push({ top: Math.max(matrix[5]!, matrix[5]! + matrix[3]!), image });
    }
  }
  return pictures;
}

export async function readPdf(bytes: Buffer): Promise<ReadResult> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    standardFontDataUrl: `${path.join(pdfjsRoot(), 'standard_fonts')}/`,
    verbosity: 0,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      if ((error as Error).name === 'PasswordException') {
        throw rejected('Tệp PDF được đặt mật khẩu. Hãy mở bằng trình đọc PDF, lưu bản không mật khẩu rồi nhập lại.');
      }
      throw rejected('Không đọc được tệp PDF (tệp hỏng hoặc không đúng định dạng).');
    }
    if (document.numPages > MAX_PAGES) throw rejected(`Tệp PDF có ${document.numPages} trang; chỉ nhập được tối đa ${MAX_PAGES} trang.`);
    const images: Buffer[] = [];
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const pictures = await pagePictures(page, images);
      pages.push({ height: page.view[3]! - page.view[1]!, lines: await pageLines(page), pictures });
      page.cleanup();
    }
    const characters = pages.reduce((sum, page) => sum + page.lines.reduce((count, line) => count + line.text.trim().length, 0), 0);
    if (characters < 40) {
      throw rejected(
        'Tệp PDF không có lớp chữ (có thể là bản scan hoặc ảnh chụp). Cần nhận dạng ký tự (OCR) trước khi nhập, hoặc dùng tệp Word gốc.',
      );
    }
    return { blocks: layoutBlocks(pages), images, warnings: [] };
  } finally {
    await task.destroy();
  }
}
