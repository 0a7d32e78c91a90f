import 'server-only';
import mammoth from 'mammoth';
import type { ReadResult } from '../blocks';
import { rejected } from '../sniff';
import { assertSafeDocx } from '../zip';
import { readHtml } from './html';

// .docx through mammoth, which maps Word's styles to plain HTML (headings, lists, tables, bold,
// italics, links, images), then the same allow-list reader as a web page. The ZIP is checked
// before mammoth inflates anything.

const STYLE_MAP = [
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='Chú thích'] => p.caption:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
];

export async function readDocx(bytes: Buffer): Promise<ReadResult> {
  assertSafeDocx(bytes);
  const images: Buffer[] = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(async (image) => {
          images.push(await image.readAsBuffer());
          return { src: `import-image:${images.length - 1}` };
        }),
      },
    );
    html = result.value;
  } catch {
    throw rejected('Không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word). Hãy mở bằng Word, lưu lại rồi nhập.');
  }
  return readHtml(html, images);
}
