import { beforeAll, describe, expect, it } from 'vitest';
import { listSearchFilters, searchArticles, SEARCH_PAGE_SIZE } from '@/server/search/queries';
import { getDb } from '@/server/db/client';
import { publicArticleWhere } from '@/server/publishing/visibility';
import { removeDiacritics, slugify } from '@/lib/slug';
import type { ArticleStatus, IssueStatus } from '@/generated/prisma/enums';

// Runs on this file's own copy of the demo database: Số 08 and Số 17 of 2025, published.
const TARGET_TITLE = 'Chuyển đổi số Việt Nam bước sang giai đoạn tăng tốc, hiệu quả và gần dân hơn';
const TARGET_SLUG = slugify(TARGET_TITLE);

let authorId: number;
let publicationId: number;
let nextIssueNumber = 40;

beforeAll(async () => {
  const db = getDb();
  authorId = (await db.user.findFirstOrThrow({ where: { role: 'EDITOR' } })).id;
  publicationId = (await db.publication.findFirstOrThrow()).id;
});

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

async function createIssue(options: { year: number; status: IssueStatus; publishAt: Date | null }) {
  const db = getDb();
  const issue = await db.issue.create({
    data: {
      publicationId,
      number: nextIssueNumber++,
      year: options.year,
      status: options.status,
      publishAt: options.publishAt,
      periodStart: new Date(Date.UTC(options.year, 0, 1)),
      periodEnd: new Date(Date.UTC(options.year, 0, 14)),
      sections: { create: { title: 'Thông tin CCHC của tỉnh', position: 0 } },
    },
    include: { sections: true },
  });
  return { ...issue, sectionId: issue.sections[0]!.id };
}

async function createArticle(options: {
  title: string;
  status: ArticleStatus;
  body?: string;
  lead?: string;
  publishAt?: Date | null;
  sectionId?: number;
  position?: number;
}) {
  return getDb().article.create({
    data: {
      title: options.title,
      slug: slugify(options.title),
      lead: options.lead ?? null,
      body: paragraphs(options.body ?? options.title),
      status: options.status,
      publishAt: options.publishAt ?? null,
      authorId,
      ...(options.sectionId ? { placement: { create: { sectionId: options.sectionId, position: options.position ?? 0 } } } : {}),
    },
  });
}

const slugsOf = (results: { items: { slug: string }[] }) => results.items.map((item) => item.slug);
const hour = 3_600_000;

describe('searchArticles: accents and ranking', () => {
  it.each(['chuyen doi so', 'CHUYỂN ĐỔI SỐ', 'chuyển đổi', 'Chuyển   đổi số  '])(
    'finds the Số 17 digital-transformation article for "%s"',
    async (query) => {
      const results = await searchArticles({ query });
      expect(slugsOf(results)).toContain(TARGET_SLUG);
      const target = results.items.find((item) => item.slug === TARGET_SLUG)!;
      expect(target.title).toBe(TARGET_TITLE);
      expect(target.issue).toEqual({ year: 2025, number: 17 });
      expect(target.publishAt).toBeInstanceOf(Date);
    },
  );

  it('ranks the article whose title is the query first', async () => {
    for (const query of ['chuyển đổi số', 'chuyen doi so', 'CHUYỂN ĐỔI SỐ']) {
      expect(slugsOf(await searchArticles({ query }))[0]).toBe(TARGET_SLUG);
    }
  });

  it('matches the last word as a prefix', async () => {
    expect(slugsOf(await searchArticles({ query: 'chuyen do' }))).toContain(TARGET_SLUG);
    expect(slugsOf(await searchArticles({ query: 'chuyển đổi s' }))[0]).toBe(TARGET_SLUG);
    // "LaiChau - S" is one word in the title: found by its beginning.
    expect(slugsOf(await searchArticles({ query: 'laich' }))).toContain(slugify('“LaiChau - S”: Cầu nối giữa chính quyền và người dân'));
  });

  it('falls back to title similarity when full-text search finds nothing (a typo)', async () => {
    const results = await searchArticles({ query: 'chuyn doi so' });
    expect(slugsOf(results)).toContain(TARGET_SLUG);
  });

  it('searches leads, bodies, source names and tag names too', async () => {
    // Lead only: "không lỡ nhịp thời đại".
    expect(slugsOf(await searchArticles({ query: 'khong lo nhip thoi dai' }))).toEqual([TARGET_SLUG]);
    // Body only: a sub-heading of the article.
    expect(slugsOf(await searchArticles({ query: 'Hành trình 5 năm chuyển đổi số' }))).toContain(TARGET_SLUG);
    // Image caption.
    expect(slugsOf(await searchArticles({ query: 'Vũ Hải Quân' }))).toContain(TARGET_SLUG);
    // Source outlet.
    expect((await searchArticles({ query: 'vnexpress' })).total).toBeGreaterThan(0);
    // Tag name: "Phản ánh, kiến nghị" is a tag of the LaiChau-S article.
    expect((await searchArticles({ query: 'phan anh kien nghi' })).total).toBeGreaterThan(0);
  });

  it('returns the empty state without a query', async () => {
    for (const query of ['', '   ', undefined, null]) {
      expect(await searchArticles({ query })).toMatchObject({ query: '', items: [], total: 0, page: 1, pageCount: 0 });
    }
  });
});

describe('searchArticles: filters and paging', () => {
  it('filters by the year of the issue', async () => {
    const issue = await createIssue({ year: 2024, status: 'PUBLISHED', publishAt: new Date('2024-06-01T01:00:00Z') });
    await createArticle({
      title: 'Chuyển đổi số cấp xã năm 2024 vượt kế hoạch',
      status: 'PUBLISHED',
      publishAt: new Date('2024-06-01T01:00:00Z'),
      sectionId: issue.sectionId,
    });
    const all = await searchArticles({ query: 'chuyển đổi số' });
    const in2025 = await searchArticles({ query: 'chuyển đổi số', year: 2025 });
    const in2024 = await searchArticles({ query: 'chuyển đổi số', year: '2024' });
    expect(slugsOf(in2024)).toEqual([slugify('Chuyển đổi số cấp xã năm 2024 vượt kế hoạch')]);
    expect(in2024.year).toBe(2024);
    expect(slugsOf(in2025)).toContain(TARGET_SLUG);
    expect(in2025.total + in2024.total).toBe(all.total);
    expect((await searchArticles({ query: 'chuyển đổi số', year: 2023 })).total).toBe(0);
    expect((await listSearchFilters()).years).toEqual([2025, 2024]);
  });

  it('filters by tag', async () => {
    const db = getDb();
    const results = await searchArticles({ query: 'chuyển đổi số', tagSlug: 'phan-anh-kien-nghi' });
    expect(results.tagSlug).toBe('phan-anh-kien-nghi');
    expect(slugsOf(results)).toEqual([slugify('“LaiChau - S”: Cầu nối giữa chính quyền và người dân')]);

    const tagged = await searchArticles({ query: 'chuyển đổi số', tagSlug: 'chuyen-doi-so' });
    expect(slugsOf(tagged)).toContain(TARGET_SLUG);
    for (const item of tagged.items) {
      const article = await db.article.findUniqueOrThrow({ where: { slug: item.slug }, include: { tags: { include: { tag: true } } } });
      expect(article.tags.map((t) => t.tag.slug)).toContain('chuyen-doi-so');
    }
    expect((await searchArticles({ query: 'chuyển đổi số', tagSlug: 'khong-co-chu-de-nay' })).total).toBe(0);

    const { tags } = await listSearchFilters();
    expect(tags.map((tag) => tag.slug)).toContain('chuyen-doi-so');
    const names = tags.map((tag) => tag.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });

  it('pages by ten with a correct total, and clamps pages out of range', async () => {
    const issue = await createIssue({ year: 2025, status: 'PUBLISHED', publishAt: new Date('2025-11-20T01:00:00Z') });
    const titles = Array.from({ length: 23 }, (_, i) => `Phân trang quokkavina bài số ${i + 1}`);
    for (const [position, title] of titles.entries()) {
      await createArticle({
        title,
        status: 'PUBLISHED',
        publishAt: new Date('2025-11-20T01:00:00Z'),
        sectionId: issue.sectionId,
        position,
      });
    }
    const pages = await Promise.all([1, 2, 3].map((page) => searchArticles({ query: 'quokkavina', page })));
    expect(pages.map((p) => [p.total, p.pageCount, p.page, p.items.length])).toEqual([
      [23, 3, 1, SEARCH_PAGE_SIZE],
      [23, 3, 2, SEARCH_PAGE_SIZE],
      [23, 3, 3, 3],
    ]);
    const seen = pages.flatMap(slugsOf);
    expect(new Set(seen).size).toBe(23);
    expect(new Set(seen)).toEqual(new Set(titles.map(slugify)));

    expect((await searchArticles({ query: 'quokkavina', page: 99999 })).page).toBe(3);
    expect((await searchArticles({ query: 'quokkavina', page: '99999' })).items).toHaveLength(3);
    expect((await searchArticles({ query: 'quokkavina', page: -1 })).page).toBe(1);
    expect((await searchArticles({ query: 'quokkavina', page: 'abc' })).page).toBe(1);
    expect((await searchArticles({ query: 'quokkavina', page: '2' })).page).toBe(2);
  });
});

describe('searchArticles: only public content', () => {
  it('hides drafts and scheduled articles until their time', async () => {
    const db = getDb();
    const now = new Date();
    const issue = await createIssue({ year: 2025, status: 'SCHEDULED', publishAt: new Date(now.getTime() + 24 * hour) });
    const approved = await createArticle({ title: 'Đã duyệt zanzibarit chờ lên số', status: 'APPROVED', sectionId: issue.sectionId });
    await createArticle({ title: 'Bản nháp zanzibarit chưa gửi', status: 'DRAFT', sectionId: issue.sectionId, position: 1 });
    await createArticle({ title: 'Bản nháp zanzibarit không thuộc số nào', status: 'DRAFT' });
    await createArticle({ title: 'Chờ duyệt zanzibarit', status: 'SUBMITTED', sectionId: issue.sectionId, position: 2 });
    await createArticle({ title: 'Đã duyệt zanzibarit không thuộc số nào', status: 'APPROVED' });
    await createArticle({ title: 'Xuất bản sau zanzibarit', status: 'PUBLISHED', publishAt: new Date(now.getTime() + hour) });

    expect((await searchArticles({ query: 'zanzibarit' }, now)).total).toBe(0);
    expect((await searchArticles({ query: 'zanzibari' }, now)).total).toBe(0);
    expect((await searchArticles({ query: 'zanzibarit chua gui' }, now)).total).toBe(0);

    await db.issue.update({ where: { id: issue.id }, data: { publishAt: new Date(now.getTime() - hour) } });
    const found = await searchArticles({ query: 'zanzibarit' }, now);
    expect(slugsOf(found)).toEqual([approved.slug]);
    expect(found.items[0]!.issue).toEqual({ year: 2025, number: issue.number });

    // The published one appears at its own time; drafts never.
    const later = await searchArticles({ query: 'zanzibarit' }, new Date(now.getTime() + 2 * hour));
    expect(new Set(slugsOf(later))).toEqual(new Set([approved.slug, slugify('Xuất bản sau zanzibarit')]));
  });

  it('agrees with publicArticleWhere for every status and time', async () => {
    const db = getDb();
    const base = new Date('2031-03-01T00:00:00Z');
    const past = new Date(base.getTime() - hour);
    const future = new Date(base.getTime() + hour);
    const issues = {
      draft: await createIssue({ year: 2031, status: 'DRAFT', publishAt: null }),
      scheduledPast: await createIssue({ year: 2031, status: 'SCHEDULED', publishAt: past }),
      scheduledFuture: await createIssue({ year: 2031, status: 'SCHEDULED', publishAt: future }),
      published: await createIssue({ year: 2031, status: 'PUBLISHED', publishAt: past }),
    };
    const statuses: ArticleStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'];
    let n = 0;
    for (const status of statuses) {
      for (const publishAt of [null, past, future]) {
        for (const issue of [null, ...Object.values(issues)]) {
          n++;
          await createArticle({ title: `Đối chiếu vombatula ${n}`, status, publishAt, sectionId: issue?.sectionId, position: n });
        }
      }
    }
    for (const now of [new Date(base.getTime() - 2 * hour), base, new Date(base.getTime() + 2 * hour)]) {
      const expected = await db.article.findMany({
        where: { AND: [publicArticleWhere(now), { title: { contains: 'vombatula' } }] },
        select: { slug: true },
      });
      const pages = [];
      for (let page = 1; page <= 6; page++) pages.push(...slugsOf(await searchArticles({ query: 'vombatula', page }, now)));
      expect(new Set(pages)).toEqual(new Set(expected.map((a) => a.slug)));
      expect((await searchArticles({ query: 'vombatula' }, now)).total).toBe(expected.length);
    }
  });

  it('offers only years and tags of public content as filters', async () => {
    const db = getDb();
    const issue = await createIssue({ year: 2099, status: 'SCHEDULED', publishAt: new Date('2099-01-01T00:00:00Z') });
    const article = await createArticle({ title: 'Chưa công bố kangaroxa', status: 'APPROVED', sectionId: issue.sectionId });
    const tag = await db.tag.create({ data: { name: 'Chủ đề bí mật', slug: 'chu-de-bi-mat' } });
    await db.articleTag.create({ data: { articleId: article.id, tagId: tag.id } });
    const filters = await listSearchFilters();
    expect(filters.years).not.toContain(2099);
    expect(filters.tags.map((t) => t.slug)).not.toContain('chu-de-bi-mat');
    expect(filters.tags.map((t) => t.slug)).toContain('chuyen-doi-so');
  });
});

describe('searchArticles: tags and edits keep the index current', () => {
  it('follows tag changes and renames', async () => {
    const db = getDb();
    const target = await db.article.findUniqueOrThrow({ where: { slug: TARGET_SLUG } });
    const tag = await db.tag.create({ data: { name: 'Hạ tầng xylofonic', slug: 'ha-tang-xylofonic' } });
    expect((await searchArticles({ query: 'xylofonic' })).total).toBe(0);

    await db.articleTag.create({ data: { articleId: target.id, tagId: tag.id } });
    expect(slugsOf(await searchArticles({ query: 'xylofonic' }))).toEqual([TARGET_SLUG]);

    await db.tag.update({ where: { id: tag.id }, data: { name: 'Hạ tầng số marimbafon' } });
    expect((await searchArticles({ query: 'xylofonic' })).total).toBe(0);
    expect(slugsOf(await searchArticles({ query: 'marimbafon' }))).toEqual([TARGET_SLUG]);
    expect(slugsOf(await searchArticles({ query: 'chuyen doi so', tagSlug: 'ha-tang-xylofonic' }))).toEqual([TARGET_SLUG]);

    await db.articleTag.delete({ where: { articleId_tagId: { articleId: target.id, tagId: tag.id } } });
    expect((await searchArticles({ query: 'marimbafon' })).total).toBe(0);
  });

  it('follows edits of the title, lead, body and source', async () => {
    const db = getDb();
    const article = await createArticle({ title: 'Bài để sửa', status: 'PUBLISHED', publishAt: new Date('2025-01-01T00:00:00Z') });
    await db.article.update({
      where: { id: article.id },
      data: { title: 'Bài đã sửa tapirovec', lead: 'Sapo ocelotin', body: paragraphs('Thân bài ozelotek'), sourceOutlet: 'Báo Pangolinh' },
    });
    for (const query of ['tapirovec', 'ocelotin', 'ozelotek', 'pangolinh']) {
      expect(slugsOf(await searchArticles({ query }))).toEqual([article.slug]);
    }
    await db.article.delete({ where: { id: article.id } });
    expect((await searchArticles({ query: 'tapirovec' })).total).toBe(0);
  });
});

describe('searchArticles: hostile input', () => {
  const hostile: string[] = [
    "' OR 1=1 --",
    '%',
    '_',
    '\\',
    '%_\\\'";--',
    '\'; DROP TABLE "Article"; --',
    '"',
    "'",
    '🙂🚀',
    'chuyển 🙂 đổi',
    '\u0300\u0301\u0303\u0309\u0323',
    ' \t\n ',
    '\u0000',
    'chuyển\u0000đổi',
    '<script>alert(1)</script>',
    'a:* | b & !c <-> d',
    'x'.repeat(10_000),
    'chuyển đổi số '.repeat(1000),
    '\ud83d',
  ];

  it.each(hostile.map((query, index) => [index, query]))('case %i returns without error and only public content', async (_, query) => {
    const db = getDb();
    // An unpublished article full of the words these inputs contain.
    await db.article.upsert({
      where: { slug: 'ban-nhap-doc-hai' },
      update: {},
      create: {
        title: 'Bản nháp độc hại OR 1=1 DROP TABLE script alert chuyển đổi số x',
        slug: 'ban-nhap-doc-hai',
        body: paragraphs("' OR 1=1 -- % _ \\ 🙂 <script>alert(1)</script> a b c d"),
        status: 'DRAFT',
        authorId,
      },
    });
    const publicSlugs = new Set(
      (await db.article.findMany({ where: publicArticleWhere(new Date()), select: { slug: true } })).map((a) => a.slug),
    );
    for (const page of [1, -1, 99999, 'x']) {
      const results = await searchArticles({ query, page, year: "2025' OR 1=1", tagSlug: "' OR 1=1 --" });
      expect(results.page).toBeGreaterThanOrEqual(1);
      expect(results.query.length).toBeLessThanOrEqual(200);
      expect(results.year).toBeNull();
      expect(results.tagSlug).toBeNull();
      for (const slug of slugsOf(results)) expect(publicSlugs).toContain(slug);
      expect(slugsOf(results)).not.toContain('ban-nhap-doc-hai');
    }
  });

  it('keeps at most 200 characters of a long query, without control characters', async () => {
    const results = await searchArticles({ query: `${'chuyển đổi số '.repeat(50)}` });
    expect(Array.from(results.query).length).toBeLessThanOrEqual(200);
    expect(slugsOf(results)[0]).toBe(TARGET_SLUG);
    const control = await searchArticles({ query: 'chuyển\u0000đổi\u0007số\n' });
    expect(control.query).toBe('chuyển đổi số');
    expect(slugsOf(control)[0]).toBe(TARGET_SLUG);
    const emoji = await searchArticles({ query: '🙂'.repeat(300) });
    expect(Array.from(emoji.query)).toHaveLength(200);
    expect(emoji.total).toBe(0);
  });
});

describe('excerpts', () => {
  it('marks the matched words of the search, accent-insensitively', async () => {
    const results = await searchArticles({ query: 'chuyen doi so' });
    const target = results.items.find((item) => item.slug === TARGET_SLUG)!;
    const marked = target.excerptParts.filter((part) => part.isMatch).map((part) => removeDiacritics(part.text).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['chuyen', 'doi']));
    for (const word of marked) expect(['chuyen', 'doi'].includes(word) || word.startsWith('so')).toBe(true);
    expect(target.excerptParts.some((part) => part.isMatch && part.text === 'chuyển')).toBe(true);
    // Parts put back together are the article's own text, never markup.
    const joined = target.excerptParts.map((part) => part.text).join('');
    expect(joined).toContain('con đường chuyển đổi số toàn diện');
    expect(joined).not.toMatch(/<[a-z]/i);
  });
});
