import 'server-only';
import { isSafeHref, parseRichDocument, type BlockNode, type InlineNode, type MarkNode, type RichDocument } from '@/content/schema';
import type { ProposedArticle, ProposedBlock, ProposedInline, ProposedIssue } from '@/schemas/import';
import { ValidationError } from '../errors';

// What a proposal becomes: the fixed JSON of `npm run import -- --dry-run --json` (other tools
// rely on it), and for each article the rich-text document the editor stores.

export type CliIssue = {
  file: string;
  publication: string | null;
  number: number | null;
  year: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  sections: {
    title: string;
    articles: {
      title: string;
      lead: string | null;
      paragraphs: string[];
      images: { caption: string | null; credit: string | null }[];
      source: { authors: string | null; outlet: string | null; url: string | null };
    }[];
  }[];
  warnings: string[];
};

const runsText = (runs: readonly ProposedInline[]) => runs.map((run) => run.text).join('');

function paragraphsOf(body: readonly ProposedBlock[]): string[] {
  return body.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
        return [runsText(block.runs)];
      case 'heading':
      case 'quote':
        return [block.text];
      case 'list':
        return block.items;
      case 'table':
        return block.rows.map((row) => row.join(' | '));
      default:
        return [];
    }
  });
}

export function toCliIssue(file: string, proposal: ProposedIssue): CliIssue {
  return {
    file,
    publication: proposal.publication,
    number: proposal.number,
    year: proposal.year,
    periodStart: proposal.periodStart,
    periodEnd: proposal.periodEnd,
    sections: proposal.sections.map((section) => ({
      title: section.title,
      articles: section.articles.map((article) => ({
        title: article.title,
        lead: article.lead,
        paragraphs: paragraphsOf(article.body),
        images: article.body.flatMap((block) => (block.type === 'image' ? [{ caption: block.caption, credit: block.credit }] : [])),
        source: article.source ?? { authors: null, outlet: null, url: null },
      })),
    })),
    warnings: proposal.warnings,
  };
}

function inlineNodes(runs: readonly ProposedInline[]): InlineNode[] {
  return runs
    .filter((run) => run.text)
    .map((run) => {
      const marks: MarkNode[] = [];
      if (run.bold) marks.push({ type: 'bold' });
      if (run.italic) marks.push({ type: 'italic' });
      if (run.href && isSafeHref(run.href)) marks.push({ type: 'link', attrs: { href: run.href } });
      return marks.length ? { type: 'text' as const, text: run.text, marks } : { type: 'text' as const, text: run.text };
    });
}

const paragraph = (runs: readonly ProposedInline[]): BlockNode => ({ type: 'paragraph', content: inlineNodes(runs) });
const plain = (text: string): BlockNode => paragraph([{ text }]);

/** How an image is stored: the media id of its photo, or (no photo) a stand-in or nothing. */
export type ImagePlacement = (block: Extract<ProposedBlock, { type: 'image' }>) => number | null;

/**
 * The article body as the editor's rich-text document, checked against the allowed schema.
 * A photo without a media id keeps its caption as an italic paragraph.
 */
export function toArticleDocument(article: ProposedArticle, mediaIdFor: ImagePlacement): RichDocument {
  const content: BlockNode[] = article.body.flatMap((block): BlockNode[] => {
    switch (block.type) {
      case 'paragraph':
        return [paragraph(block.runs)];
      case 'heading':
        return [{ type: 'heading', attrs: { level: block.level }, content: [{ type: 'text', text: block.text }] }];
      case 'quote':
        return [{ type: 'blockquote', content: [plain(block.text)] }];
      case 'list': {
        const items = block.items.map((item) => ({ type: 'listItem' as const, content: [plain(item)] }));
        return [block.ordered ? { type: 'orderedList', content: items } : { type: 'bulletList', content: items }];
      }
      case 'table':
        return [
          {
            type: 'table',
            content: block.rows.slice(0, 500).map((row) => ({
              type: 'tableRow' as const,
              content: row
                .slice(0, 30)
                .map((cell) => ({ type: 'tableCell' as const, content: [cell ? plain(cell) : { type: 'paragraph' as const }] })),
            })),
          },
        ];
      case 'image': {
        const caption = block.caption?.slice(0, 1000) || null;
        const credit = block.credit?.slice(0, 200) || null;
        const mediaId = mediaIdFor(block);
        if (mediaId) return [{ type: 'image', attrs: { mediaId, caption, credit, alt: caption?.slice(0, 500) ?? null } }];
        const line = [caption, credit].filter(Boolean).join(' - ');
        return line ? [paragraph([{ text: line, italic: true }])] : [];
      }
    }
  });
  const checked = parseRichDocument({ type: 'doc', content });
  if (!checked.ok) throw new ValidationError(`Bài “${article.title}”: ${checked.message}`);
  return checked.document;
}
