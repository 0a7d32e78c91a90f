// The accuracy contract of issue 14: on every form of both real bulletins, every section and
// every article title, exactly and in order; at least 95 % of photo captions and source lines.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseImport } from '@/server/import/pipeline';
import { FIXTURES, KNOWN_SECTIONS, groundTruth, score } from './ground-truth';

const FORMS = {
  'so-17-2025': ['so-17-2025.docx', 'so-17-2025.pdf', 'so-17-2025.txt', 'so-17-2025.md', 'so-17-2025.seed.txt'],
  'so-08-2025': ['so-08-2025.docx', 'so-08-2025.pdf', 'so-08-2025.txt', 'so-08-2025.md'],
} as const;

describe.each(Object.entries(FORMS))('%s', (issue, files) => {
  it.each(files)(
    '%s: sections and titles exact, captions and sources ≥ 95 %%',
    async (file) => {
      const truth = await groundTruth(issue as keyof typeof FORMS);
      const { proposal } = await analyseImport(file, await readFile(path.join(FIXTURES, file)), { knownSections: KNOWN_SECTIONS });
      const result = score(proposal, truth);
      expect(result.sections).toEqual(truth.sections.map((section) => section.title));
      expect(result.titles).toEqual(truth.sections.map((section) => section.articles.map((article) => article.title)));
      expect({ number: proposal.number, year: proposal.year, periodStart: proposal.periodStart, periodEnd: proposal.periodEnd }).toEqual({
        number: truth.number,
        year: truth.year,
        periodStart: truth.periodStart,
        periodEnd: truth.periodEnd,
      });
      const captionRatio = result.captions / result.captionTotal;
      const sourceRatio = result.sources / result.sourceTotal;
      console.log(`${file}: captions ${result.captions}/${result.captionTotal}, sources ${result.sources}/${result.sourceTotal}`);
      expect(captionRatio, result.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(sourceRatio, result.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    },
    60_000,
  );
});
