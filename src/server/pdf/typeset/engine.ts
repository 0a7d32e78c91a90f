// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
//
// react-pdf's own pipeline, one step at a time. `renderToBuffer` lays a document out and draws
// it in one call; taking the steps apart lets the typesetter look at the laid-out pages before
// anything is drawn: where each article starts (one layout, no second pass for the contents),
// and columns set side by side (react-pdf has no flowing columns). Same engine, same fonts,
// same versions: @react-pdf/renderer 4.9.0 calls exactly these (layout 5.2.0, render 4.7.0,
// pdfkit 0.20.1, pinned in package.json). NOTE: the laid-out node shape is internal to
// react-pdf; the integration tests read every PDF back with poppler, so an upgrade that
// changes it fails there first.
import type { ComponentProps, ReactElement } from 'react';
import { Font, pdf, type Document } from '@react-pdf/renderer';
import layoutDocument from '@react-pdf/layout';
import renderDocument from '@react-pdf/render';
import PDFDocument from 'pdfkit';

export type Box = {
  top: number;
  left: number;
  width: number;
  height: number;
  marginTop?: number;
  marginBottom?: number;
  paddingTop?: number;
  paddingLeft?: number;
};

/** A node of a laid-out page: its box is relative to its parent's box. */
export type LaidNode = {
  type: string;
  props: Record<string, unknown>;
  style: Record<string, unknown>;
  box: Box;
  children?: LaidNode[];
  lines?: { box: { width: number }; xAdvance?: number }[];
};

type LayoutStep = (document: unknown, fonts: typeof Font) => Promise<{ children: LaidNode[] }>;
type RenderStep = (context: PDFDocument, document: { type: string; props: object; children: LaidNode[] }) => void;

/** Lays a react-pdf <Document> out: its pages, every node placed, nothing drawn yet. */
export async function layOut(element: ReactElement<ComponentProps<typeof Document>>): Promise<LaidNode[]> {
  const instance = pdf(element) as unknown as {
    container: { document: unknown };
    updateContainer: (element: null) => void;
  };
  try {
    const root = await (layoutDocument as unknown as LayoutStep)(instance.container.document, Font);
    return root.children;
  } finally {
    // Unmounts the React tree, so nothing of it outlives this layout.
    instance.updateContainer(null);
  }
}

export type PdfMetadata = {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creationDate: Date;
};

// pdfkit writes these strings into the XMP packet unescaped.
const xmlSafe = (value: string) => value.replace(/&/g, 'và').replace(/[<>]/g, '');

/**
 * react-pdf selects the font of every run by its fontkit object, and pdfkit then builds a new
 * embedded font and compares it, name table serialised, with those it has: a fifth of the
 * drawing time. The embedded font of each fontkit object is remembered instead.
 */
function reuseEmbeddedFonts(context: PDFDocument): void {
  const embedded = new Map<object, unknown>();
  const select = context.font.bind(context);
  context.font = (source, family, size) => {
    // react-pdf calls font(fontkitFont, fontSize): pdfkit reads a number there as the size.
    if (typeof family === 'number') [family, size] = [undefined, family];
    if (typeof source !== 'object' || source === null || family !== undefined) return select(source, family, size);
    const known = embedded.get(source);
    if (!known) {
      select(source, undefined, size);
      embedded.set(source, context._font);
    } else {
      context._font = known;
      if (size !== undefined) context.fontSize(size);
    }
    return context;
  };
}

/**
 * Draws laid-out pages into a PDF: PDF/A-2b (fonts embedded, XMP metadata, sRGB output
 * intent), Vietnamese as the document language, the title shown instead of the file name and
 * the bookmarks open.
 */
export function renderPages(pages: LaidNode[], metadata: PdfMetadata): Promise<Buffer> {
  const context = new PDFDocument({
    compress: true,
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    lang: 'vi',
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: xmlSafe(metadata.title),
      Author: xmlSafe(metadata.author),
      Subject: xmlSafe(metadata.subject),
      Keywords: xmlSafe(metadata.keywords),
      Creator: 'Bản tin CCHC',
      Producer: 'Bản tin CCHC (react-pdf)',
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate, and PDF/A wants the two to agree.
      CreationDate: metadata.creationDate,
    },
  });
  context._root.data.PageMode = 'UseOutlines';
  reuseEmbeddedFonts(context);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    context.on('data', (chunk: Buffer) => chunks.push(chunk));
    context.on('end', () => resolve(Buffer.concat(chunks)));
    context.on('error', reject);
  });
  (renderDocument as unknown as RenderStep)(context, { type: 'DOCUMENT', props: {}, children: pages });
  return done;
}
