import { describe, expect, it } from 'vitest';
import { applyReviewEdits, articleCount, droppedArticles, ReviewEditError, withEdit } from '@/lib/import-review';
import type { ProposedArticle, ProposedIssue } from '@/schemas/import';

const article = (id: string, title: string, body: ProposedArticle['body'] = []): ProposedArticle => ({
  id,
  title,
  lead: `Sapo ${title}`,
  body,
  source: { authors: `Tác giả ${title}`, outlet: null, url: null },
  confidence: { title: 'high', source: 'high' },
  line: 0,
});
const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

const proposal = (): ProposedIssue => ({
  publication: null,
  number: 17,
  year: 2025,
  periodStart: null,
  periodEnd: null,
  toc: [],
  warnings: [],
  sections: [
    {
      id: 's1',
      title: 'Trung ương',
      articles: [article('a1', 'Một'), article('a2', 'Hai', [paragraph('Đoạn A'), paragraph('Tiêu đề giữa bài'), paragraph('Đoạn B')])],
    },
    { id: 's2', title: 'Tỉnh', articles: [article('a3', 'Ba')] },
  ],
});
const titles = (issue: ProposedIssue) => issue.sections.map((section) => section.articles.map((item) => item.title));

describe('review edits', () => {
  it('rename, move and drop, without touching the input', () => {
    const input = proposal();
    const result = applyReviewEdits(input, [
      { op: 'renameArticle', article: 'a1', title: 'Một (sửa)' },
      { op: 'renameSection', section: 's2', title: 'Thông tin của tỉnh' },
      { op: 'moveArticle', article: 'a3', section: 's1', position: 0 },
      { op: 'dropArticle', article: 'a2' },
    ]);
    expect(titles(result)).toEqual([['Ba', 'Một (sửa)'], []]);
    expect(result.sections[1]!.title).toBe('Thông tin của tỉnh');
    expect(titles(input)).toEqual([['Một', 'Hai'], ['Ba']]);
    expect(articleCount(result)).toBe(2);
  });

  it('merge puts the article under the previous one, title as a sub-heading', () => {
    const result = applyReviewEdits(proposal(), [{ op: 'mergeArticle', article: 'a3' }]);
    expect(titles(result)).toEqual([['Một', 'Hai'], []]);
    expect(result.sections[0]!.articles[1]!.body.slice(-2)).toEqual([{ type: 'heading', level: 2, text: 'Ba' }, paragraph('Sapo Ba')]);
    expect(() => applyReviewEdits(proposal(), [{ op: 'mergeArticle', article: 'a1' }])).toThrow(ReviewEditError);
  });

  it('split starts a new article at a paragraph, which becomes its title; the source goes with the end', () => {
    const result = applyReviewEdits(proposal(), [{ op: 'splitArticle', article: 'a2', at: 1 }]);
    const [, first, second] = result.sections[0]!.articles.length === 3 ? result.sections[0]!.articles : [];
    expect(titles(result)[0]).toEqual(['Một', 'Hai', 'Tiêu đề giữa bài']);
    expect(first!.body).toEqual([paragraph('Đoạn A')]);
    expect(first!.source).toBeNull();
    expect(second).toMatchObject({
      id: 'a2-1',
      lead: 'Đoạn B',
      body: [],
      source: { authors: 'Tác giả Hai' },
      confidence: { title: 'low' },
    });
    expect(() => applyReviewEdits(proposal(), [{ op: 'splitArticle', article: 'a2', at: 0 }])).toThrow(ReviewEditError);
  });

  it('an unknown article is refused', () => {
    expect(() => applyReviewEdits(proposal(), [{ op: 'dropArticle', article: 'a9' }])).toThrow('Bài viết này không còn trong bản đề xuất');
  });

  it('renames collapse, restore removes a drop, dropped articles are listed', () => {
    let edits = withEdit([], { op: 'renameArticle', article: 'a1', title: 'M' });
    edits = withEdit(edits, { op: 'renameArticle', article: 'a1', title: 'Mộ' });
    edits = withEdit(edits, { op: 'dropArticle', article: 'a3' });
    expect(edits).toEqual([
      { op: 'renameArticle', article: 'a1', title: 'Mộ' },
      { op: 'dropArticle', article: 'a3' },
    ]);
    expect(droppedArticles(proposal(), edits).map((item) => item.title)).toEqual(['Ba']);
    expect(withEdit(edits, { op: 'restoreArticle', article: 'a3' })).toEqual([{ op: 'renameArticle', article: 'a1', title: 'Mộ' }]);
  });
});
