import 'server-only';

// The "plain structured text" every reader produces, whatever the file: blocks in reading
// order with only what the recogniser needs (text, emphasis, heading level, relative size,
// where photos were). Nothing of the file's own markup survives past this point.

export type Inline = { text: string; bold?: true; italic?: true; href?: string };

export type ParagraphStyle = {
  /** Marked as a caption by the file itself (Word's Caption style, <figcaption>). */
  caption?: true;
  align?: 'right' | 'center';
  /** Font size relative to the body text (PDF only). */
  scale?: number;
};

export type SourceBlock =
  | { kind: 'heading'; level: number; runs: Inline[] }
  | { kind: 'paragraph'; runs: Inline[]; style?: ParagraphStyle }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'quote'; text: string }
  /** A photo; `image` indexes the bytes the reader extracted, null when it could not. */
  | { kind: 'image'; image: number | null }
  /** Extra empty space (several blank lines): where a text export lost a photo. */
  | { kind: 'gap' };

export type ReadResult = {
  blocks: SourceBlock[];
  /** Photo bytes found in the file (JPEG, PNG or WebP as stored there). */
  images: Buffer[];
  warnings: string[];
};

export const runsOf = (text: string): Inline[] => (text ? [{ text }] : []);

/** The block's text, white space folded, NFC. */
export function blockText(block: SourceBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return cleanInline(block.runs.map((run) => run.text).join(''));
    case 'list':
      return block.items.join('\n');
    case 'table':
      return block.rows.map((row) => row.join(' | ')).join('\n');
    case 'quote':
      return block.text;
    default:
      return '';
  }
}

export const cleanInline = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();

/** Every run of the paragraph (ignoring blank ones) has the mark. */
export function isWholly(runs: readonly Inline[], mark: 'bold' | 'italic'): boolean {
  const inked = runs.filter((run) => run.text.trim());
  return inked.length > 0 && inked.every((run) => run[mark]);
}

/** Adjacent runs with the same marks merged, white space folded, empty runs dropped. */
export function tidyRuns(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const text = run.text.normalize('NFC').replace(/[\s\u00a0\u200b]+/g, ' ');
    if (!text) continue;
    const last = out.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += text;
    else out.push({ ...run, text });
  }
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((run) => run.text);
}

/**
 * The source text shown next to the proposal on the review screen: one line per block
 * ("[Ảnh]" for photos), and for each block the line where it starts.
 */
export function sourceLines(blocks: readonly SourceBlock[]): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  for (const block of blocks) {
    starts.push(lines.length);
    if (block.kind === 'image') lines.push('[Ảnh]');
    else if (block.kind === 'gap') lines.push('');
    else if (block.kind === 'heading') lines.push(`${'#'.repeat(Math.min(block.level, 6))} ${blockText(block)}`);
    else if (block.kind === 'list')
      lines.push(...block.items.map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `• ${item}`)));
    else lines.push(...blockText(block).split('\n'));
  }
  return { lines, starts };
}
