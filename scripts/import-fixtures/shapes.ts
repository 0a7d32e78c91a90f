// How the printed bulletins write their recurring lines, and the plain-text forms of an issue:
// Markdown written from the structured issue, and text hard-wrapped at 90 columns with running
// headers, page numbers and form feeds, as a PDF text extraction gives it.
import type { DemoArticle, DemoBlock, DemoIssue } from '../../src/server/demo/demo-data.ts';
import { DEFAULT_PUBLICATION } from '../../src/server/demo/load-demo-data.ts';
import { formatIssueNumber } from '../../src/lib/text.ts';

const day = (iso: string) => iso.slice(8, 10);
const month = (iso: string) => String(Number(iso.slice(5, 7)));

/** "13–26/10" (one month) or "28/7–3/8", the year printed on its own line. */
export function periodLabel(issue: DemoIssue): string {
  const sameMonth = issue.periodStart.slice(5, 7) === issue.periodEnd.slice(5, 7);
  const start = sameMonth ? day(issue.periodStart) : `${day(issue.periodStart)}/${month(issue.periodStart)}`;
  return `${start}–${day(issue.periodEnd)}/${month(issue.periodEnd)}`;
}

/** "Trung tâm … tỉnh An Giang - Ảnh: VGP", the caption line under a photo. */
export function captionLine(block: Extract<DemoBlock, { type: 'image' }>): string {
  return [block.caption, block.credit].filter(Boolean).join(' - ');
}

/** "Theo Thu Giang - " and the address, or the address alone when the author is not known. */
export function sourceLineParts(source: DemoArticle['source']): { prefix: string; url: string | null } | null {
  if (!source) return null;
  if (source.authors) return { prefix: source.url ? `Theo ${source.authors} - ` : `Theo ${source.authors}`, url: source.url };
  return source.url ? { prefix: '', url: source.url } : null;
}

function blockMarkdown(block: DemoBlock, images: { count: number }): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `${block.level === 2 ? '####' : '#####'} ${block.text}`;
    case 'quote':
      return `> ${block.text}`;
    case 'list':
      return block.items.map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `- ${item}`)).join('\n');
    case 'image':
      return `![${block.caption || 'Ảnh'}](anh-${++images.count}.jpg)\n\n*${captionLine(block)}*`;
  }
}

/** The issue as a Markdown file: what a web export or a careful editor writes. */
export function bulletinMarkdown(issue: DemoIssue): string {
  const images = { count: 0 };
  const parts = [
    `# ${DEFAULT_PUBLICATION.mastheadTitle}`,
    `**SỐ ${formatIssueNumber(issue.number)}** · ${periodLabel(issue)}/${issue.year}`,
    `${DEFAULT_PUBLICATION.creditLabel}: *${DEFAULT_PUBLICATION.creditLine}*`,
  ];
  for (const section of issue.sections) {
    parts.push(`## ${section.title.toUpperCase()}`);
    for (const article of section.articles) {
      parts.push(`### ${article.title}`);
      if (article.lead) parts.push(`**${article.lead}**`);
      for (const block of article.body) parts.push(blockMarkdown(block, images));
      const source = sourceLineParts(article.source);
      if (source) parts.push(`${source.prefix}${source.url ? `<${source.url}>` : ''}`);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Markdown markup removed, line by line, keeping the blank lines where they were. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$)/g, '$1$2')
        .replace(/<(https?:\/\/[^>]+)>/g, '$1')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Every line wrapped at `width` columns, then cut into pages of `pageLines` lines with a
 * running header from page 2, a footer with the page number and a form feed, wherever the
 * page ends (mid-paragraph too).
 */
export function asExtractedText(plain: string, header: string, width = 90, pageLines = 58): string {
  const lines = plain.split('\n').flatMap((line) => wrap(line, width));
  const pages: string[] = [];
  for (let start = 0, page = 1; start < lines.length; start += pageLines, page++) {
    const body = lines.slice(start, start + pageLines);
    const top = page > 1 ? [header, ''] : [];
    pages.push([...top, ...body, '', `${' '.repeat(42)}${page}`].join('\n'));
  }
  return pages.join('\n\f') + '\n';
}
