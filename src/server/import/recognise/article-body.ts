import 'server-only';
import { blockText, isWholly, type SourceBlock } from '../blocks';
import { LEAD_MAX } from '@/schemas/article';
import type { Confidence, ProposedArticle, ProposedBlock, ProposedImage } from '@/schemas/import';
import { isByline, parseCredit } from './patterns';

// What goes inside one article once its title is known: the lead (the first paragraph), body
// paragraphs, sub-headings, lists, tables, quotes, and photos with their captions. A caption
// is recognised by its credit ("Ảnh: …"), by the file's own caption style or italics, or by
// sitting right under a photo (or under the gap a text export left where a photo was).

const TERMINAL = /[.!?…:;”"»)]$/;
const MAX_CAPTION = 400;

export type ArticleDraft = Omit<ProposedArticle, 'id'> & { pending: { image: number | null; fromGap: boolean } | null; hasLead: boolean };

export function newArticle(title: string, confidence: Confidence, line: number): ArticleDraft {
  return {
    title,
    lead: null,
    body: [],
    source: null,
    confidence: { title: confidence, source: null },
    line,
    pending: null,
    hasLead: false,
  };
}

const image = (caption: string | null, credit: string | null, index: number | null, confidence: Confidence): ProposedImage => ({
  type: 'image',
  caption,
  credit,
  image: index,
  confidence,
});

/** Whether a paragraph reads as a caption by its style alone (not by position). */
function styledCaption(block: SourceBlock, text: string): boolean {
  if (block.kind !== 'paragraph' || text.length > MAX_CAPTION) return false;
  if (block.style?.caption) return true;
  return isWholly(block.runs, 'italic') && text.length <= 300 && (block.style?.scale ?? 1) <= 1;
}

/** A photo still waiting for its caption is placed (a gap without one was not a photo). */
/** The finished article, without the walk's working state. */
export function finished(article: ArticleDraft, id: string): ProposedArticle {
  return {
    id,
    title: article.title,
    lead: article.lead,
    body: article.body,
    source: article.source,
    confidence: article.confidence,
    line: article.line,
  };
}

export function flushPending(article: ArticleDraft): void {
  if (article.pending && !article.pending.fromGap) article.body.push(image(null, null, article.pending.image, 'high'));
  article.pending = null;
}

function addCaption(article: ArticleDraft, text: string, index: number | null, confidence: Confidence) {
  const credit = parseCredit(text);
  const last = article.body.at(-1);
  // "Ảnh: Phạm Thắng" on its own line completes the caption above it.
  if (credit && !credit.caption && credit.credit && index === null && last?.type === 'image' && !last.credit) {
    last.credit = credit.credit;
    return;
  }
  article.body.push(image(credit ? credit.caption : text, credit?.credit ?? null, index, credit ? 'high' : confidence));
}

function endsOpen(block: ProposedBlock | undefined): block is Extract<ProposedBlock, { type: 'paragraph' }> {
  if (block?.type !== 'paragraph') return false;
  return !TERMINAL.test(
    block.runs
      .map((run) => run.text)
      .join('')
      .trim(),
  );
}

export function addBlock(article: ArticleDraft, block: SourceBlock, options: { subheadingLevel: (level: number) => 2 | 3 }): void {
  if (block.kind === 'image') {
    flushPending(article);
    article.pending = { image: block.image, fromGap: false };
    return;
  }
  if (block.kind === 'gap') {
    if (!article.pending) article.pending = { image: null, fromGap: true };
    return;
  }
  const text = blockText(block);
  if (!text) return;
  if (article.pending && block.kind === 'paragraph' && text.length <= MAX_CAPTION) {
    const { image: index, fromGap } = article.pending;
    article.pending = null;
    const sure = !fromGap || styledCaption(block, text);
    if (!fromGap || text.length <= 250 || styledCaption(block, text) || parseCredit(text)) {
      addCaption(article, text, index, sure ? 'high' : 'low');
      return;
    }
  }
  flushPending(article);
  if (block.kind === 'paragraph') {
    if (parseCredit(text) || block.style?.caption) return addCaption(article, text, null, 'high');
    if (styledCaption(block, text) && article.hasLead) return addCaption(article, text, null, 'low');
    if (!article.hasLead) {
      article.hasLead = true;
      if (text.length <= LEAD_MAX) {
        article.lead = text;
        return;
      }
    }
    const last = article.body.at(-1);
    const beforeLast = article.body.at(-2);
    // A paragraph the layout cut in two (around a photo, or by a page) is joined again.
    if (/^\p{Ll}/u.test(text)) {
      const open = endsOpen(last) ? last : last?.type === 'image' && endsOpen(beforeLast) ? beforeLast : null;
      if (open) {
        open.runs = [...open.runs, { text: ' ' }, ...block.runs];
        return;
      }
    }
    article.body.push({ type: 'paragraph', runs: block.runs.map((run) => ({ ...run })) });
    return;
  }
  article.hasLead = true;
  if (block.kind === 'heading') article.body.push({ type: 'heading', level: options.subheadingLevel(block.level), text });
  else if (block.kind === 'list') article.body.push({ type: 'list', ordered: block.ordered, items: block.items });
  else if (block.kind === 'table') article.body.push({ type: 'table', rows: block.rows });
  else if (block.kind === 'quote') article.body.push({ type: 'quote', text });
}

/**
 * The text of the article's last block when it reads as a closing byline: a name-shaped
 * paragraph, a short bold or italic line, or an italic "caption" that is really a byline.
 */
export function closingByline(article: ArticleDraft): string | null {
  const last = article.body.at(-1);
  if (
    last?.type === 'image' &&
    last.image === null &&
    last.confidence === 'low' &&
    !last.credit &&
    last.caption &&
    isByline(last.caption)
  ) {
    return last.caption;
  }
  if (last?.type !== 'paragraph') return null;
  const text = last.runs
    .map((run) => run.text)
    .join('')
    .trim();
  if (isByline(text)) return text;
  const styled = isWholly(last.runs, 'italic') || isWholly(last.runs, 'bold');
  return styled && text.length <= 100 && !TERMINAL.test(text) && /^\p{Lu}/u.test(text) ? text : null;
}
