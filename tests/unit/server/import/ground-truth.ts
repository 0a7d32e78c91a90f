// Compares a proposed issue with the hand-structured demo issue (prisma/demo-data/): sections
// and titles in order, and the share of captions and source lines found.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProposedIssue } from '@/schemas/import';
import { comparable } from '@/server/import/recognise/toc';

type Truth = {
  number: number;
  year: number;
  periodStart: string;
  periodEnd: string;
  sections: {
    title: string;
    articles: {
      title: string;
      body: { type: string; caption?: string; credit?: string | null }[];
      source: { authors: string | null; outlet: string | null; url: string | null } | null;
    }[];
  }[];
};

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');
export const KNOWN_SECTIONS = ['Thông tin CCHC của Trung ương', 'Thông tin CCHC của tỉnh'];

export async function groundTruth(name: 'so-08-2025' | 'so-17-2025'): Promise<Truth> {
  return JSON.parse(await readFile(path.resolve(import.meta.dirname, `../../../../prisma/demo-data/${name}.json`), 'utf8'));
}

const words = (text: string | null | undefined) =>
  new Set(
    comparable(text ?? '')
      .split(' ')
      .filter(Boolean),
  );
/** The same caption, give or take punctuation and a letter lost by the source. */
function sameCaption(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return x.size === y.size;
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared / Math.max(x.size, y.size) >= 0.85;
}
const sameCredit = (a: string | null | undefined, b: string | null | undefined) => comparable(a ?? '') === comparable(b ?? '');

export type Score = {
  sections: string[];
  titles: string[][];
  captions: number;
  captionTotal: number;
  sources: number;
  sourceTotal: number;
  misses: string[];
};

export function score(proposal: ProposedIssue, truth: Truth): Score {
  const misses: string[] = [];
  let captions = 0;
  let captionTotal = 0;
  let sources = 0;
  let sourceTotal = 0;
  const proposed = proposal.sections.flatMap((section) => section.articles);
  // Matched across the issue: a text export can print a caption inside the next article.
  const images = proposed.flatMap((article) => article.body.filter((block) => block.type === 'image'));
  for (const article of truth.sections.flatMap((section) => section.articles)) {
    const found = proposed.find((candidate) => candidate.title === article.title);
    for (const image of article.body.filter((block) => block.type === 'image')) {
      captionTotal++;
      const match = images.find((candidate) => sameCaption(candidate.caption, image.caption) && sameCredit(candidate.credit, image.credit));
      if (match) {
        captions++;
        images.splice(images.indexOf(match), 1);
      } else misses.push(`caption: ${image.caption} | ${image.credit}`);
    }
    if (article.source) {
      sourceTotal++;
      const source = found?.source;
      if (source && source.authors === article.source.authors && source.url === article.source.url) sources++;
      else misses.push(`source: ${article.title}: ${JSON.stringify(source)}`);
    }
  }
  return {
    sections: proposal.sections.map((section) => section.title),
    titles: proposal.sections.map((section) => section.articles.map((article) => article.title)),
    captions,
    captionTotal,
    sources,
    sourceTotal,
    misses,
  };
}
