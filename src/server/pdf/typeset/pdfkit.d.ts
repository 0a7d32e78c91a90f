// pdfkit ships no types; this is the part the PDF worker uses (see engine.ts).
declare module 'pdfkit' {
  import { Readable } from 'node:stream';

  type PdfKitOptions = {
    compress?: boolean;
    subset?: 'PDF/A-2b';
    pdfVersion?: '1.7';
    lang?: string;
    displayTitle?: boolean;
    autoFirstPage?: boolean;
    info?: Record<string, string | Date>;
  };

  export default class PDFDocument extends Readable {
    constructor(options?: PdfKitOptions);
    _root: { data: Record<string, unknown> };
    _font: unknown;
    font(source: unknown, family?: unknown, size?: number): this;
    fontSize(size: number): this;
  }
}
