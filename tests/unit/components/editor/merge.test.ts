import { describe, expect, it } from 'vitest';
import { mergeDrafts, resolveMerge } from '@/components/editor/merge';
import type { ArticleDraft } from '@/schemas/article';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const base: ArticleDraft = {
  title: 'Tiêu đề',
  lead: 'Sapo gốc',
  body: doc('Nội dung gốc'),
  sourceAuthors: '',
  sourceOutlet: '',
  sourceUrl: '',
  tags: ['CCHC'],
};

describe('mergeDrafts', () => {
  it('keeps both sides when they changed different fields', () => {
    const mine = { ...base, body: doc('Nội dung của tôi') };
    const theirs = { ...base, lead: 'Sapo của đồng nghiệp' };
    const merge = mergeDrafts(base, mine, theirs);
    expect(merge.contested).toEqual([]);
    expect(merge.takenFromTheirs).toEqual(['lead']);
    expect(merge.merged).toEqual({ ...base, body: doc('Nội dung của tôi'), lead: 'Sapo của đồng nghiệp' });
  });

  it('asks only about fields both sides changed differently', () => {
    const mine = { ...base, title: 'Tiêu đề A', tags: ['CCHC', 'Số hoá'] };
    const theirs = { ...base, title: 'Tiêu đề B', tags: ['CCHC', 'Số hoá'], sourceOutlet: 'Báo Lai Châu' };
    const merge = mergeDrafts(base, mine, theirs);
    expect(merge.contested).toEqual(['title']);
    expect(merge.takenFromTheirs).toEqual(['sourceOutlet']);
    expect(merge.merged.title).toBe('Tiêu đề A');
    expect(resolveMerge(merge, theirs, { title: 'theirs' }).title).toBe('Tiêu đề B');
    expect(resolveMerge(merge, theirs, {}).title).toBe('Tiêu đề A');
  });

  it('compares rich text by content, whatever order the database gives its keys', () => {
    const stored = { content: [{ content: [{ text: 'Nội dung gốc', type: 'text' }], type: 'paragraph' }], type: 'doc' };
    const merge = mergeDrafts(base, { ...base, lead: 'Sapo mới' }, { ...base, body: stored, title: 'Tiêu đề mới' });
    expect(merge).toMatchObject({ contested: [], takenFromTheirs: ['title'] });
  });

  it('compares rich text by content, not identity', () => {
    const merge = mergeDrafts(base, { ...base, body: doc('Nội dung gốc') }, { ...base, body: doc('Khác') });
    expect(merge.takenFromTheirs).toEqual(['body']);
  });
});
