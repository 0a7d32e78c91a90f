import { describe, expect, it } from 'vitest';
import {
  findPublicArticle,
  listPublicArticlesByTag,
  listPublicArticleUrls,
  listRecentPublicArticles,
  TAG_PAGE_SIZE,
} from '@/server/articles/queries';
import { getDb } from '@/server/db/client';
import { createArticle, createIssueWith } from '../../../factories/articles';

const past = new Date('2025-01-01T00:00:00Z');
const future = new Date('2099-01-01T00:00:00Z');

describe('findPublicArticle', () => {
  it('finds a published demo article with its issue, tags and related articles', async () => {
    const found = await findPublicArticle('bo-sung-mot-so-vi-tri-viec-lam-tai-cap-xa-de-phu-hop-thuc-tien');
    expect(found?.kind).toBe('article');
    if (found?.kind !== 'article') return;
    expect(found.article.issue).toEqual({ year: 2025, number: 17 });
    expect(found.article.source).toEqual({ authors: 'Thu Giang', outlet: 'Báo Chính phủ', url: 'https://baochinhphu.vn/' });
    expect(found.article.tags.length).toBeGreaterThan(0);
    expect(found.article.related.length).toBeGreaterThan(0);
    expect(found.article.related.map((a) => a.slug)).not.toContain(found.article.slug);
  });

  it.each([
    ['a draft', { status: 'DRAFT' as const }],
    ['a submitted article', { status: 'SUBMITTED' as const }],
    ['an approved article outside any issue', { status: 'APPROVED' as const }],
    ['an article published in the future', { status: 'PUBLISHED' as const, publishAt: future }],
  ])('hides %s', async (_label, options) => {
    const article = await createArticle(options);
    expect(await findPublicArticle(article.slug)).toBeNull();
  });

  it('shows an approved article of a scheduled issue only once the issue is due', async () => {
    const article = await createArticle({ status: 'APPROVED' });
    const issue = await createIssueWith([article.id], { number: 40, status: 'SCHEDULED', publishAt: future });
    expect(await findPublicArticle(article.slug)).toBeNull();
    await getDb().issue.update({ where: { id: issue.id }, data: { publishAt: past } });
    expect((await findPublicArticle(article.slug))?.kind).toBe('article');
  });

  it('answers an old slug of a public article with a redirect, and of a draft with nothing', async () => {
    const published = await createArticle({ status: 'PUBLISHED', publishAt: past });
    const draft = await createArticle({ status: 'DRAFT' });
    await getDb().articleSlugRedirect.createMany({
      data: [
        { slug: 'ten-cu-cua-bai', articleId: published.id },
        { slug: 'ten-cu-cua-nhap', articleId: draft.id },
      ],
    });
    expect(await findPublicArticle('ten-cu-cua-bai')).toEqual({ kind: 'redirect', slug: published.slug });
    expect(await findPublicArticle('ten-cu-cua-nhap')).toBeNull();
  });
});

describe('listPublicArticlesByTag', () => {
  it("pages a tag's public articles and leaves drafts out", async () => {
    // A tag of its own: every article carrying it is known, so a draft slipping in is seen.
    await getDb().tag.create({ data: { name: 'Chủ đề phân trang', slug: 'chu-de-phan-trang' } });
    const published = [];
    for (let index = 0; index <= TAG_PAGE_SIZE; index += 1) {
      published.push(
        await createArticle({
          status: 'PUBLISHED',
          publishAt: new Date(Date.now() - (index + 1) * 60_000),
          tagSlugs: ['chu-de-phan-trang'],
        }),
      );
    }
    const draft = await createArticle({ status: 'DRAFT', tagSlugs: ['chu-de-phan-trang'] });
    const first = await listPublicArticlesByTag('chu-de-phan-trang', 1);
    const second = await listPublicArticlesByTag('chu-de-phan-trang', 2);
    expect(first).toMatchObject({ total: TAG_PAGE_SIZE + 1, pageCount: 2 });
    const listed = [...first!.items, ...second!.items].map((a) => a.slug);
    expect(listed.sort()).toEqual(published.map((a) => a.slug).sort());
    expect(listed).not.toContain(draft.slug);
    const clamped = await listPublicArticlesByTag('chu-de-phan-trang', 99_999);
    expect(clamped!.page).toBe(2);
  });

  it('is null for a tag with no public article', async () => {
    await getDb().tag.create({ data: { name: 'Chủ đề nháp', slug: 'chu-de-nhap' } });
    await createArticle({ status: 'DRAFT', tagSlugs: ['chu-de-nhap'] });
    expect(await listPublicArticlesByTag('chu-de-nhap', 1)).toBeNull();
    expect(await listPublicArticlesByTag('khong-ton-tai', 1)).toBeNull();
  });
});

describe('feed and sitemap lists', () => {
  it('contain every published demo article and no draft', async () => {
    const draft = await createArticle({ status: 'DRAFT' });
    const demoSlugs = (
      await getDb().article.findMany({ where: { placement: { section: { issue: { number: { in: [8, 17] } } } } }, select: { slug: true } })
    ).map((a) => a.slug);
    expect(demoSlugs).toHaveLength(24);
    const urls = (await listPublicArticleUrls()).map((u) => u.slug);
    expect(urls).toEqual(expect.arrayContaining(demoSlugs));
    expect(urls).not.toContain(draft.slug);
    const recent = await listRecentPublicArticles(30);
    expect(recent.map((a) => a.slug)).not.toContain(draft.slug);
  });
});
