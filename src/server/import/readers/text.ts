import 'server-only';
import { runsOf, tidyRuns, type Inline, type ReadResult, type SourceBlock } from '../blocks';
import { continuesAcrossPage, withoutPageFurniture, type TextLine } from './pages';
import { MARKDOWN_HEADING, MARKDOWN_IMAGE, MARKDOWN_QUOTE, MARKDOWN_TABLE_ROW, MARKDOWN_TABLE_RULE, markdownRuns } from './markdown';

// Plain text and Markdown. Blank lines separate paragraphs; two or more blank lines in a row
// are a gap (a photo the export lost). Text hard-wrapped at a fixed width (a PDF extraction)
// is reflowed: the lines of a paragraph are joined, and where the extraction kept no blank
// line, a short line ending a sentence ends the paragraph. Lines of a list stay items.

const LIST_MARKER = /^\s*(?:[-•*+–▪●]|\d{1,2}[.)]|[a-zđ][.)])\s+/;
const ORDERED_MARKER = /^\s*(?:\d{1,2}[.)]|[a-zđ][.)])\s+/;
/** "1. Tiêu đề ........ 3": a table-of-contents line keeps its own line. */
const LEADER_LINE = /(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$/;
const SENTENCE_END = /[.!?…:;”"»)]$/;

type Group = { lines: string[]; afterPageBreak: boolean; gapBefore: boolean };

function groups(lines: TextLine[]): Group[] {
  const out: Group[] = [];
  let current: Group | null = null;
  let blanks = 0;
  let pageBreak = false;
  for (const line of lines) {
    if ('text' in line) {
      if (!current) {
        current = { lines: [], afterPageBreak: pageBreak, gapBefore: blanks >= 2 };
        out.push(current);
      }
      current.lines.push(line.text);
      blanks = 0;
      pageBreak = false;
    } else {
      current = null;
      if ('blank' in line) blanks++;
      else {
        pageBreak = true;
        blanks = 0;
      }
    }
  }
  return out;
}

/** The width the text is wrapped at, or null when each line is a whole paragraph. */
function wrapWidth(lines: TextLine[]): number | null {
  const lengths = lines.flatMap((line) => ('text' in line ? [line.text.trim().length] : [])).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.95)] ?? 0;
  return width >= 40 && width <= 200 ? width : null;
}

type Paragraph = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[] };

/** Splits a group into paragraphs and lists, reflowing wrapped lines. */
function splitGroup(lines: string[], width: number | null): Paragraph[] {
  const out: Paragraph[] = [];
  const listLines = lines.filter((line) => LIST_MARKER.test(line)).length;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const last = out.at(-1);
    const isItem = LIST_MARKER.test(line) && listLines >= 2 && !LEADER_LINE.test(line);
    if (isItem) {
      const item = line.replace(LIST_MARKER, '');
      if (last?.kind === 'list') last.items.push(item);
      else out.push({ kind: 'list', ordered: ORDERED_MARKER.test(line), items: [item] });
      continue;
    }
    if (last?.kind === 'list' && width) {
      last.items[last.items.length - 1] += ` ${line}`;
      continue;
    }
    const previous = index > 0 ? lines[index - 1]!.trim() : '';
    const endsParagraph =
      !width ||
      LEADER_LINE.test(previous) ||
      LEADER_LINE.test(line) ||
      (previous.length < width * 0.75 && SENTENCE_END.test(previous) && /^[\p{Lu}\d“"(]/u.test(line));
    if (last?.kind === 'paragraph' && !endsParagraph) last.lines.push(line);
    else out.push({ kind: 'paragraph', lines: [line] });
  }
  return out;
}

function markdownBlock(lines: string[]): SourceBlock | null {
  const first = lines[0]!.trim();
  const heading = MARKDOWN_HEADING.exec(first);
  if (heading && lines.length === 1) return { kind: 'heading', level: heading[1]!.length, runs: markdownRuns(heading[2]!) };
  if (MARKDOWN_IMAGE.test(first) && lines.length === 1) return { kind: 'image', image: null };
  if (lines.every((line) => MARKDOWN_QUOTE.test(line.trim()))) {
    return {
      kind: 'quote',
      text: lines
        .map((line) => MARKDOWN_QUOTE.exec(line.trim())![1])
        .join(' ')
        .trim(),
    };
  }
  if (lines.length >= 2 && lines.every((line) => MARKDOWN_TABLE_ROW.test(line))) {
    const rows = lines
      .filter((line) => !MARKDOWN_TABLE_RULE.test(line))
      .map((line) =>
        MARKDOWN_TABLE_ROW.exec(line)![1]!
          .split('|')
          .map((cell) => cell.trim()),
      );
    return { kind: 'table', rows };
  }
  return null;
}

function paragraphRuns(lines: string[], markdown: boolean): Inline[] {
  if (!markdown) return runsOf(lines.join(' ').replace(/<(https?:\/\/[^>\s]+)>/g, '$1'));
  return tidyRuns(lines.flatMap((line, index) => [...(index ? [{ text: ' ' }] : []), ...markdownRuns(line.trim())]));
}

export function readText(text: string, options: { markdown: boolean }): ReadResult {
  const normalized = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/^\ufeff/, '');
  const lines = options.markdown
    ? normalized.split('\n').map((line): TextLine => (line.trim() ? { text: line.replace(/\s+$/, '') } : { blank: true }))
    : withoutPageFurniture(normalized);
  const width = options.markdown ? null : wrapWidth(lines);
  const blocks: SourceBlock[] = [];
  for (const group of groups(lines)) {
    if (group.gapBefore) blocks.push({ kind: 'gap' });
    if (options.markdown) {
      blocks.push(...markdownGroup(group.lines));
      continue;
    }
    for (const [index, part] of splitGroup(group.lines, width).entries()) {
      if (part.kind === 'list') {
        blocks.push({ kind: 'list', ordered: part.ordered, items: part.items });
        continue;
      }
      const runs = paragraphRuns(part.lines, false);
      const previous = blocks.at(-1);
      // A paragraph cut by a page break goes on after the running header.
      if (
        index === 0 &&
        group.afterPageBreak &&
        previous?.kind === 'paragraph' &&
        continuesAcrossPage(textOf(previous), textOf({ runs }))
      ) {
        previous.runs = tidyRuns([...previous.runs, { text: ' ' }, ...runs]);
      } else if (runs.length) blocks.push({ kind: 'paragraph', runs });
    }
  }
  return { blocks, images: [], warnings: [] };
}

const textOf = (block: { runs: Inline[] }) => block.runs.map((run) => run.text).join('');

/** A Markdown group: a block of its own (heading, image, quote, table), a list, or one soft-wrapped paragraph. */
function markdownGroup(lines: string[]): SourceBlock[] {
  const whole = markdownBlock(lines);
  if (whole) return [whole];
  if (lines.some((line) => markdownBlock([line]))) {
    return lines.map((line) => markdownBlock([line]) ?? { kind: 'paragraph', runs: paragraphRuns([line], true) });
  }
  if (lines.length >= 2 && lines.every((line) => LIST_MARKER.test(line))) {
    const items = lines.map((line) => textOf({ runs: markdownRuns(line.replace(LIST_MARKER, '')) }));
    return [{ kind: 'list', ordered: ORDERED_MARKER.test(lines[0]!), items }];
  }
  return [{ kind: 'paragraph', runs: paragraphRuns(lines, true) }];
}
