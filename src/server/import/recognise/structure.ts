import 'server-only';
import { blockText, isWholly, sourceLines, type ReadResult, type SourceBlock } from '../blocks';
import { rejected } from '../sniff';
import type { Confidence, ProposedIssue, ProposedSection } from '@/schemas/import';
import { addBlock, closingByline, finished, flushPending, newArticle, type ArticleDraft } from './article-body';
import { readMasthead } from './masthead';
import { isCapitalsLine, parseCredit, parseSourceLine, sentenceCase } from './patterns';
import { comparable, findToc, isSameTitle, type Toc } from './toc';

// One recogniser for every reader. After the masthead and the printed TOC, the blocks are
// walked once: a section line opens a section; a source line ("Theo …") closes an article; a
// title opens one. A title is a heading of the title level (the level used right after
// section and source lines, or by the TOC's entries), any title-shaped line right after a
// section or source line, a line the TOC names, or a title-shaped line after a closing byline.

export type RecogniseOptions = {
  /** The publication's own section names: a capitals line equal to one of them takes its spelling. */
  knownSections?: readonly string[];
  /** Outlet names by host, as the office already writes them. */
  knownOutlets?: ReadonlyMap<string, string>;
};

const significant = (block: SourceBlock) => block.kind !== 'gap' && block.kind !== 'image';
const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
};

function looksLikeTitle(block: SourceBlock, text: string): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return false;
  if (text.length < 6 || text.length > 300 || /^\p{Ll}/u.test(text)) return false;
  if (/[.;:,]$/.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  if (parseCredit(text) || (block.kind === 'paragraph' && (block.style?.caption || isWholly(block.runs, 'italic')))) return false;
  return true;
}

type Walk = {
  blocks: readonly SourceBlock[];
  starts: number[];
  toc: Toc | null;
  options: RecogniseOptions;
  titleLevel: number | null;
  sectionLevel: number | null;
};

function levels(walk: Omit<Walk, 'titleLevel' | 'sectionLevel'>, from: number) {
  const { blocks, toc, options } = walk;
  const tocTitles = toc?.entries.filter((entry) => !entry.isSection) ?? [];
  const isSectionLine = (text: string) =>
    isCapitalsLine(text) || (options.knownSections ?? []).some((known) => comparable(known) === comparable(text));
  const byToc: number[] = [];
  const byPosition: number[] = [];
  const all: number[] = [];
  let previous: string | null = null;
  for (let index = from; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (!significant(block)) continue;
    const text = blockText(block);
    if (block.kind === 'heading' && !isSectionLine(text)) {
      all.push(block.level);
      if (tocTitles.some((entry) => isSameTitle(entry.text, text))) byToc.push(block.level);
      if (previous === null || isSectionLine(previous) || parseSourceLine(previous)) byPosition.push(block.level);
    }
    previous = text;
  }
  const titleLevel = mode(byToc) ?? mode(byPosition) ?? (all.length ? Math.min(...all) : null);
  const hasCapitalSections = blocks
    .slice(from)
    .some((block) => significant(block) && block.kind !== 'list' && isSectionLine(blockText(block)));
  // Mixed-case sections ("Cải cách địa phương") are headings one level above the titles.
  const above = titleLevel === null ? [] : all.filter((level) => level < titleLevel);
  const sectionLevel = !hasCapitalSections && above.length ? Math.max(...above) : null;
  return { titleLevel, sectionLevel };
}

export function recognise(read: ReadResult, options: RecogniseOptions = {}): ProposedIssue {
  const { blocks } = read;
  const masthead = readMasthead(blocks);
  const toc = findToc(blocks, masthead.end);
  const from = toc ? toc.end : masthead.end;
  const base = { blocks, starts: sourceLines(blocks).starts, toc, options };
  const walk: Walk = { ...base, ...levels(base, from) };
  const { sections, skipped } = walkBlocks(walk, from);
  const articles = sections.flatMap((section) => section.articles);
  if (articles.length === 0) {
    throw rejected(
      'Không nhận ra bài viết nào trong tệp: không thấy tiêu đề bài (dòng tiêu đề, dòng nguồn “Theo …” hay chuyên mục in hoa).',
    );
  }
  return {
    publication: masthead.publication,
    number: masthead.number,
    year: masthead.year,
    periodStart: masthead.periodStart,
    periodEnd: masthead.periodEnd,
    sections,
    toc: toc?.entries.map((entry) => entry.text) ?? [],
    warnings: [...read.warnings, ...warningsFor(masthead, toc, sections, skipped)],
  };
}

function walkBlocks(walk: Walk, from: number): { sections: ProposedSection[]; skipped: number } {
  const { blocks, starts, toc, options } = walk;
  const sections: ProposedSection[] = [];
  const knownSections = options.knownSections ?? [];
  const tocTitles = toc?.entries.filter((entry) => !entry.isSection) ?? [];
  // Held in an object: closures reassign it, which plain `let` narrowing does not follow.
  const current: { section: ProposedSection | null } = { section: null };
  let article: ArticleDraft | null = null;
  let closed: ArticleDraft | null = null;
  let expectTitle = true;
  let skipped = 0;
  let count = 0;

  const sectionTitle = (text: string) => knownSections.find((known) => comparable(known) === comparable(text)) ?? sentenceCase(text);
  const openSection = (text: string) => {
    const title = sectionTitle(text);
    current.section = sections.find((other) => comparable(other.title) === comparable(title)) ?? null;
    if (!current.section) {
      current.section = { id: `s${sections.length + 1}`, title, articles: [] };
      sections.push(current.section);
    }
  };
  const finish = () => {
    if (!article) return;
    flushPending(article);
    if (!article.source) {
      const byline = closingByline(article);
      if (byline) {
        article.body.pop();
        article.source = { authors: byline, outlet: null, url: null };
        article.confidence.source = 'low';
      }
    }
    if (!current.section) openSection(knownSections[0] ?? 'Bài viết');
    current.section!.articles.push(finished(article, `a${++count}`));
    closed = article;
    article = null;
  };
  const subheadingLevel = (level: number) => (walk.titleLevel !== null && level > walk.titleLevel + 1 ? 3 : 2);
  const nextSignificant = (index: number) => blocks.slice(index + 1).find(significant);

  for (let index = from; index < blocks.length; index++) {
    const block = blocks[index]!;
    const text = blockText(block);
    const isText = block.kind === 'paragraph' || block.kind === 'heading';
    if (
      isText &&
      (isCapitalsLine(text) ||
        knownSections.some((known) => comparable(known) === comparable(text)) ||
        (block.kind === 'heading' && block.level === walk.sectionLevel))
    ) {
      finish();
      openSection(text);
      expectTitle = true;
      continue;
    }
    const source = block.kind === 'paragraph' ? parseSourceLine(text, options.knownOutlets) : null;
    if (source && (article || closed)) {
      const target: ArticleDraft = article ?? closed!;
      target.source = source;
      target.confidence.source = 'high';
      finish();
      expectTitle = true;
      continue;
    }
    const inToc = isText && text.length < 300 && tocTitles.some((entry) => isSameTitle(entry.text, text));
    let title: Confidence | null = null;
    if (block.kind === 'heading') {
      if (expectTitle || inToc || walk.titleLevel === null || block.level <= walk.titleLevel) title = 'high';
    } else if (inToc && looksLikeTitle(block, text)) {
      title = 'high';
    } else if (expectTitle && looksLikeTitle(block, text) && text.length <= 250) {
      const emphasised = block.kind === 'paragraph' && (isWholly(block.runs, 'bold') || (block.style?.scale ?? 1) >= 1.1);
      title = emphasised || closed || current.section ? 'high' : 'low';
    } else if (article && !expectTitle && looksLikeTitle(block, text) && text.length <= 250 && closingByline(article)) {
      // A byline, then a title-shaped line, then a paragraph: a new article without a source line.
      const next = nextSignificant(index);
      if (next?.kind === 'paragraph' && blockText(next).length > text.length) title = 'low';
    }
    if (title) {
      finish();
      article = newArticle(text, title, starts[index] ?? 0);
      expectTitle = false;
      continue;
    }
    if (!article && closed && expectTitle && significant(block) && !looksLikeTitle(block, text)) {
      // Text after a source line that is not a title: the source line was not the article's end.
      article = closed;
      current.section?.articles.pop();
      count--;
    }
    if (!article) {
      if (significant(block)) skipped++;
      continue;
    }
    expectTitle = false;
    addBlock(article, block, { subheadingLevel });
  }
  finish();
  return { sections: sections.filter((candidate) => candidate.articles.length > 0), skipped };
}

function warningsFor(masthead: ReturnType<typeof readMasthead>, toc: Toc | null, sections: ProposedSection[], skipped: number): string[] {
  const warnings: string[] = [];
  if (masthead.number === null) warnings.push('Không thấy số bản tin (ví dụ “SỐ 17”): hãy nhập số.');
  if (masthead.year === null) warnings.push('Không thấy năm của số bản tin: hãy nhập năm.');
  if (masthead.periodStart === null) warnings.push('Không thấy kỳ bản tin (ví dụ “13–26/10/2025”): hãy nhập từ ngày, đến ngày.');
  if (skipped > 0) warnings.push(`${skipped} đoạn trước bài viết đầu tiên không thuộc bài nào và đã được bỏ qua (xem văn bản gốc).`);
  const titles = sections.flatMap((section) => section.articles.map((article) => article.title));
  for (const entry of toc?.entries.filter((candidate) => !candidate.isSection) ?? []) {
    if (!titles.some((title) => isSameTitle(entry.text, title)))
      warnings.push(`Mục lục in có “${entry.text}” nhưng không thấy bài này trong nội dung.`);
  }
  if (toc) {
    const ordinals = toc.entries.flatMap((entry) => (entry.ordinal === null ? [] : [entry.ordinal]));
    for (let expected = 1; expected < Math.max(0, ...ordinals); expected++) {
      if (!ordinals.includes(expected)) warnings.push(`Mục lục in bỏ qua số ${expected}; mục lục của số mới được tạo lại từ các bài.`);
    }
    for (const title of titles) {
      if (!toc.entries.some((entry) => isSameTitle(entry.text, title))) warnings.push(`Bài “${title}” không có trong mục lục in.`);
    }
  }
  const missing = sections
    .flatMap((section) => section.articles.flatMap((article) => article.body))
    .filter((block) => block.type === 'image' && block.image === null).length;
  if (missing > 0) warnings.push(`${missing} ảnh chỉ còn chú thích (tệp không chứa ảnh): hãy thay ảnh sau khi tạo số.`);
  return warnings;
}
