// Every imported article becomes a document the editor's schema accepts, and the CLI shape
// carries exactly the fields other tools rely on.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRichDocument, referencedMediaIds } from '@/content/schema';
import { analyseImport } from '@/server/import/pipeline';
import { toArticleDocument, toCliIssue } from '@/server/import/output';
import { FIXTURES } from './ground-truth';

const READABLE = /\.(docx|pdf|md|txt|html)$/;
const REFUSED = new Set(['scan-only.pdf', 'encrypted.pdf']);

describe('rich-text output', () => {
  it('every article of every fixture is a valid document; photos keep media ids or become captions', async () => {
    const files = (await readdir(FIXTURES)).filter((file) => READABLE.test(file) && !REFUSED.has(file));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const { proposal } = await analyseImport(file, await readFile(path.join(FIXTURES, file)));
      for (const article of proposal.sections.flatMap((section) => section.articles)) {
        const withPhotos = toArticleDocument(article, (image) => (image.image === null ? null : 1000 + image.image));
        expect(parseRichDocument(withPhotos).ok).toBe(true);
        const photos = article.body.filter((block) => block.type === 'image' && block.image !== null).length;
        expect(referencedMediaIds(withPhotos).length).toBeLessThanOrEqual(photos);
        const captionsOnly = toArticleDocument(article, () => null);
        expect(referencedMediaIds(captionsOnly)).toEqual([]);
      }
    }
  }, 60_000);

  it('keeps bold, italic and safe links as marks', async () => {
    const { proposal } = await analyseImport('web.html', await readFile(path.join(FIXTURES, 'web-ban-tin-quang-nam.html')));
    const document = toArticleDocument(proposal.sections[0]!.articles[0]!, () => 7);
    expect(JSON.stringify(document)).toContain('{"type":"link","attrs":{"href":"https://dichvucong.quangnam.gov.vn"}}');
    expect(document.content).toContainEqual({
      type: 'image',
      attrs: {
        mediaId: 7,
        caption: 'Lãnh đạo tỉnh trao quyết định chủ trương đầu tư cho doanh nghiệp',
        credit: 'Ảnh: Văn Sự',
        alt: 'Lãnh đạo tỉnh trao quyết định chủ trương đầu tư cho doanh nghiệp',
      },
    });
  });
});

describe('CLI JSON shape', () => {
  it('has exactly the fixed keys', async () => {
    const { proposal } = await analyseImport('so-08-2025.md', await readFile(path.join(FIXTURES, 'so-08-2025.md')));
    const cli = toCliIssue('so-08-2025.md', proposal);
    expect(Object.keys(cli)).toEqual(['file', 'publication', 'number', 'year', 'periodStart', 'periodEnd', 'sections', 'warnings']);
    const article = cli.sections[0]!.articles[0]!;
    expect(Object.keys(article)).toEqual(['title', 'lead', 'paragraphs', 'images', 'source']);
    expect(Object.keys(article.source)).toEqual(['authors', 'outlet', 'url']);
    expect(cli.sections[1]!.articles[0]!.images[0]).toEqual({
      caption:
        'Làm việc trong điều kiện cơ sở vật chất còn khó khăn nhưng công chức xã Mường Khoa vẫn nỗ lực hoàn thành tốt nhiệm vụ được giao.',
      credit: null,
    });
  });
});
