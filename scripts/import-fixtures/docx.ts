// A real Word bulletin of one demo issue, as the office lays it out: the masthead in a table,
// sections as Heading 1, titles as Heading 2, sub-headings as Heading 3/4, the lead in bold,
// real lists, photos each followed by a Caption paragraph, the source line with a hyperlink,
// and a running footer with the page number (which the PDF made from it must lose again).
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DemoArticle, DemoBlock, DemoIssue } from '../../src/server/demo/demo-data.ts';
import { DEFAULT_PUBLICATION } from '../../src/server/demo/load-demo-data.ts';
import { formatIssueNumber } from '../../src/lib/text.ts';
import { captionLine, periodLabel, sourceLineParts } from './shapes.ts';

export type Photo = (index: number) => Promise<Buffer>;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function masthead(issue: DemoIssue): (Paragraph | Table)[] {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  const big = (text: string, size: number) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell([big(DEFAULT_PUBLICATION.mastheadTitle, 36)], 70),
            cell(
              [
                big(`SỐ ${formatIssueNumber(issue.number)}`, 40),
                new Paragraph({ children: [new TextRun({ text: periodLabel(issue), size: 26 })] }),
                new Paragraph({ children: [new TextRun({ text: String(issue.year), size: 26 })] }),
              ],
              30,
            ),
          ],
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: DEFAULT_PUBLICATION.creditLabel, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: DEFAULT_PUBLICATION.creditLine, italics: true })] }),
  ];
}

async function blockParagraphs(block: DemoBlock, photo: Photo, counter: { images: number }): Promise<Paragraph[]> {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ text: block.text })];
    case 'heading':
      return [new Paragraph({ text: block.text, heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4 })];
    case 'quote':
      return [new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: block.text, italics: true })] })];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ text: item, numbering: { reference: block.ordered ? 'numbers' : 'bullets', level: 0 } }),
      );
    case 'image': {
      const data = await photo(counter.images++);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'jpg', data, transformation: { width: 360, height: 225 } })],
        }),
        new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, text: captionLine(block) }),
      ];
    }
  }
}

function sourceParagraph(article: DemoArticle): Paragraph[] {
  const parts = sourceLineParts(article.source);
  if (!parts) return [];
  const children = [
    ...(parts.prefix ? [new TextRun({ text: parts.prefix, italics: true })] : []),
    ...(parts.url ? [new ExternalHyperlink({ link: parts.url, children: [new TextRun({ text: parts.url, style: 'Hyperlink' })] })] : []),
  ];
  return [new Paragraph({ alignment: AlignmentType.RIGHT, children })];
}

export async function bulletinDocx(issue: DemoIssue, photo: Photo): Promise<Buffer> {
  const counter = { images: 0 };
  const children: (Paragraph | Table)[] = masthead(issue);
  for (const section of issue.sections) {
    children.push(new Paragraph({ text: section.title.toUpperCase(), heading: HeadingLevel.HEADING_1 }));
    for (const article of section.articles) {
      children.push(new Paragraph({ text: article.title, heading: HeadingLevel.HEADING_2 }));
      if (article.lead) children.push(new Paragraph({ children: [new TextRun({ text: article.lead, bold: true })] }));
      for (const block of article.body) children.push(...(await blockParagraphs(block, photo, counter)));
      children.push(...sourceParagraph(article));
    }
  }
  const footerText = `Thông tin CCHC Lai Châu – Số ${formatIssueNumber(issue.number)}/${issue.year} – Trang `;
  const document = new Document({
    creator: 'Phòng cải cách hành chính',
    title: `Bản tin số ${issue.number}/${issue.year}`,
    styles: {
      default: {
        // Word's own default spaces paragraphs apart (8 pt after), as most office documents do.
        document: { run: { font: 'Liberation Serif', size: 24 }, paragraph: { spacing: { after: 160 } } },
        heading1: {
          run: { font: 'Liberation Sans', size: 32, bold: true, color: '1F4E79' },
          paragraph: { spacing: { before: 360, after: 240 } },
        },
        heading2: { run: { font: 'Liberation Sans', size: 28, bold: true }, paragraph: { spacing: { before: 300, after: 160 } } },
        heading3: {
          run: { font: 'Liberation Sans', size: 26, bold: true, italics: true },
          paragraph: { spacing: { before: 200, after: 120 } },
        },
        heading4: { run: { font: 'Liberation Sans', size: 25, bold: true }, paragraph: { spacing: { before: 160, after: 100 } } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true, size: 20 }, paragraph: { spacing: { after: 200 } } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: footerText, size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
