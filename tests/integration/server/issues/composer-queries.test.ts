import { beforeAll, describe, expect, it } from 'vitest';
import { getComposerIssue, listIssuesForEditors, searchAddableArticles } from '@/server/issues/composer-queries';
import { getDb } from '@/server/db/client';
import type { PermissionActor } from '@/server/permissions';
import { createArticle } from '../../../factories/articles';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

let editor: PermissionActor;
let publicationId: number;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  publicationId = (await createPublication()).id;
});

const titles = (articles: { title: string }[]) => articles.map((article) => article.title);

describe('listIssuesForEditors', () => {
  it('lists every issue, drafts included, newest first, with its status and article count', async () => {
    const draft = await createDraftIssue(editor, publicationId);
    const [article] = await approvedArticles(['Bài của số nháp trong danh sách']);
    await placeArticles(editor, draft, draft.sections[1]!.id, [article!.id]);

    const issues = (await listIssuesForEditors()).items;
    const listed = issues.find((issue) => issue.id === draft.id);
    expect(listed).toMatchObject({ number: draft.number, year: 2040, status: 'DRAFT', publishAt: null, articleCount: 1 });
    const demo17 = issues.find((issue) => issue.year === 2025 && issue.number === 17);
    expect(demo17).toMatchObject({ status: 'PUBLISHED', articleCount: 15 });
    expect(issues.indexOf(listed!)).toBeLessThan(issues.indexOf(demo17!));
  });
});

describe('listIssuesForEditors: paging', () => {
  it('pages every issue by 50, newest first, and gives the last page for a page past the end', async () => {
    const db = getDb();
    const { id } = await createPublication();
    await db.issue.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        publicationId: id,
        number: i + 1,
        year: 2090,
        periodStart: new Date(Date.UTC(2090, 0, 1 + i)),
        periodEnd: new Date(Date.UTC(2090, 0, 1 + i)),
      })),
    });
    const total = await db.issue.count();
    const first = await listIssuesForEditors(1);
    expect(first).toMatchObject({ page: 1, pageCount: Math.ceil(total / 50), total });
    expect(first.items).toHaveLength(50);
    // Newest first: 2090's issues lead, number 60 down to 11 on the first page.
    expect(first.items.map((issue) => `${issue.year}/${issue.number}`)).toEqual(Array.from({ length: 50 }, (_, i) => `2090/${60 - i}`));
    const second = await listIssuesForEditors(2);
    expect(second.items.slice(0, 10).map((issue) => issue.number)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const seen = [...first.items, ...second.items].map((issue) => issue.id);
    expect(new Set(seen).size).toBe(seen.length);
    const last = await listIssuesForEditors(9999);
    expect(last.page).toBe(last.pageCount);
    expect(last.items.length).toBe(total - (last.pageCount - 1) * 50);
  });
});

describe('getComposerIssue', () => {
  it('gives the sections and their articles in the composed order, with the version', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [a, b, c] = await approvedArticles(['Bài A của bố cục', 'Bài B của bố cục', 'Bài C của bố cục']);
    const [central, province] = issue.sections;
    let version = await placeArticles(editor, issue, province!.id, [a!.id, b!.id]);
    version = await placeArticles(editor, version, central!.id, [c!.id]);

    const composed = await getComposerIssue(issue.id);
    expect(composed).toMatchObject({ id: issue.id, status: 'DRAFT', version: version.version });
    expect(composed!.sections.map((section) => ({ title: section.title, articles: titles(section.articles) }))).toEqual([
      { title: 'Thông tin CCHC của Trung ương', articles: ['Bài C của bố cục'] },
      { title: 'Thông tin CCHC của tỉnh', articles: ['Bài A của bố cục', 'Bài B của bố cục'] },
    ]);
    expect(composed!.sections[1]!.articles[0]).toEqual({ id: a!.id, title: 'Bài A của bố cục', status: 'APPROVED' });
  });

  it('is null for an unknown issue', async () => {
    expect(await getComposerIssue(987_654)).toBeNull();
  });
});

describe('searchAddableArticles', () => {
  it('finds approved and published articles in no issue by title, without regard to accents or case', async () => {
    const approved = await createArticle({ title: 'Chuyển đổi số ở xã vùng cao Sìn Hồ', status: 'APPROVED' });
    const published = await createArticle({
      title: 'CHUYỂN ĐỔI SỐ trong cấp phiếu lý lịch tư pháp',
      status: 'PUBLISHED',
      publishAt: new Date('2025-01-01'),
    });
    await createArticle({ title: 'Chuyển đổi số: bản nháp chưa duyệt', status: 'DRAFT' });
    await createArticle({ title: 'Chuyển đổi số: bài đang chờ duyệt', status: 'SUBMITTED' });

    const found = await searchAddableArticles('chuyen doi so');
    expect(found.map((article) => article.id).sort()).toEqual([approved.id, published.id].sort());
    expect(await searchAddableArticles('  Sìn   HỒ ')).toMatchObject([{ id: approved.id, status: 'APPROVED', tags: [] }]);
  });

  it('finds articles by the name of a tag, and lists the tags', async () => {
    const tag = await getDb().tag.create({ data: { name: 'Dịch vụ công trực tuyến thử', slug: 'dich-vu-cong-truc-tuyen-thu' } });
    const tagged = await createArticle({ title: 'Một bài không nói gì trong tiêu đề', status: 'APPROVED', tagSlugs: [tag.slug] });
    expect(await searchAddableArticles('dich vu cong truc tuyen thu')).toMatchObject([
      { id: tagged.id, tags: ['Dịch vụ công trực tuyến thử'] },
    ]);
  });

  it('leaves out an article already in an issue, whichever issue', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [placed, free] = await approvedArticles(['Bài lọc đã xếp vào số', 'Bài lọc còn tự do']);
    await placeArticles(editor, issue, issue.sections[0]!.id, [placed!.id]);
    expect(titles(await searchAddableArticles('bai loc'))).toEqual(['Bài lọc còn tự do']);
    expect(titles(await searchAddableArticles(''))).toContain(free!.title);
    expect(titles(await searchAddableArticles(''))).not.toContain(placed!.title);
  });

  it('lists the most recently changed first, up to the limit, and treats odd queries as text', async () => {
    const [older, newer] = await approvedArticles(['Bài thứ tự cũ hơn', 'Bài thứ tự mới hơn']);
    await getDb().article.update({ where: { id: older!.id }, data: { updatedAt: new Date('2020-01-01') } });
    expect(titles(await searchAddableArticles('bai thu tu'))).toEqual([newer!.title, older!.title]);
    expect(await searchAddableArticles('', 1)).toHaveLength(1);
    for (const query of ["%' OR 1=1 --", '_', '!!!']) {
      const results = await searchAddableArticles(query);
      expect(results.every((article) => article.status === 'APPROVED' || article.status === 'PUBLISHED')).toBe(true);
    }
    expect(await searchAddableArticles("%' OR 1=1 --")).toEqual([]);
  });
});
