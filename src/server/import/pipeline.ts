import 'server-only';
import { sourceLines, type ReadResult } from './blocks';
import { decodeText } from './decode';
import { readDocx } from './readers/docx';
import { readHtml } from './readers/html';
import { readPdf } from './readers/pdf';
import { readText } from './readers/text';
import { recognise, type RecogniseOptions } from './recognise/structure';
import { detectFormat, type ImportFormat } from './sniff';
import type { ProposedIssue } from '@/schemas/import';

// The import pipeline: a file's bytes → plain structured text (one reader per format) → a
// proposed issue (one recogniser). Nothing here writes anywhere; refusals are ValidationErrors
// with a Vietnamese message.

export type Analysis = {
  format: ImportFormat;
  proposal: ProposedIssue;
  /** The source text as the review screen shows it, one entry per line. */
  sourceText: string[];
  /** Photo bytes found in the file; ProposedImage.image indexes them. */
  images: Buffer[];
};

export async function readImportFile(fileName: string, bytes: Buffer): Promise<ReadResult & { format: ImportFormat }> {
  const format = detectFormat(fileName, bytes);
  switch (format) {
    case 'docx':
      return { format, ...(await readDocx(bytes)) };
    case 'pdf':
      return { format, ...(await readPdf(bytes)) };
    default: {
      const { text, encoding } = decodeText(bytes);
      const read = format === 'html' ? readHtml(text) : readText(text, { markdown: format === 'markdown' });
      if (encoding === 'windows-1258')
        read.warnings.push('Tệp dùng bảng mã Windows-1258 và đã được chuyển sang Unicode; hãy kiểm tra dấu tiếng Việt.');
      return { format, ...read };
    }
  }
}

export async function analyseImport(fileName: string, bytes: Buffer, options: RecogniseOptions = {}): Promise<Analysis> {
  const read = await readImportFile(fileName, bytes);
  return { format: read.format, proposal: recognise(read, options), sourceText: sourceLines(read.blocks).lines, images: read.images };
}
