import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importIssue } from '@/server/import/commands';
import { getDb } from '@/server/db/client';
import { searchArticles } from '@/server/search/queries';
import { ConflictError, ValidationError } from '@/server/errors';
import { ForbiddenError, type PermissionActor } from '@/server/permissions';
import { parseRichDocument } from '@/content/schema';
import { actorFor } from '../../../factories/users';
import { buildZip, docxParts } from '../../../unit/server/import/zip-builder';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');
const fixture = (name: string) => readFile(path.join(FIXTURES, name));
const newIssue = (number: number) => ({ kind: 'new', number, year: 2025, periodStart: '2025-10-13', periodEnd: '2025-10-26' });

let editor: PermissionActor;
let approver: PermissionActor;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

async function counts() {
  const db = getDb();
  const [issues, articles, media, audits, sections] = await Promise.all([
    db.issue.count(),
    db.article.count(),
    db.media.count(),
    db.auditEvent.count(),
    db.issueSection.count(),
  ]);
  return { issues, articles, media, audits, sections };
}

async function layout(issueId: number) {
  const sections = await getDb().issueSection.findMany({
    where: { issueId },
    orderBy: { position: 'asc' },
    include: { placements: { orderBy: { position: 'asc' }, include: { article: true } } },
  });
  return sections.map((section) => ({ title: section.title, articles: section.placements.map((placement) => placement.article) }));
}

describe('importing a Word bulletin as a draft issue', () => {
  it('creates the draft issue with its sections and 15 draft articles, each revisioned and audited as the editor', async () => {
    const result = await importIssue(editor, {
      fileName: 'so-17-2025.docx',
      bytes: await fixture('so-17-2025.docx'),
      target: newIssue(40),
    });
    const issue = await getDb().issue.findUniqueOrThrow({ where: { id: result.issueId } });
    expect(issue).toMatchObject({ number: 40, year: 2025, status: 'DRAFT', createdById: editor.id });
    const sections = await layout(result.issueId);
    expect(sections.map((section) => [section.title, section.articles.length])).toEqual([
      ['Thông tin CCHC của Trung ương', 9],
      ['Thông tin CCHC của tỉnh', 6],
    ]);
    const articles = sections.flatMap((section) => section.articles);
    expect(articles.map((article) => article.status)).toEqual(Array(15).fill('DRAFT'));
    expect(articles.every((article) => article.authorId === editor.id && article.publishedAt === null)).toBe(true);
    expect(articles[0]).toMatchObject({
      title: 'Bổ sung một số vị trí việc làm tại cấp xã để phù hợp thực tiễn',
      sourceAuthors: 'Thu Giang',
      sourceOutlet: 'Báo Chính phủ',
      sourceUrl: 'https://baochinhphu.vn/',
    });
    for (const article of articles) expect(parseRichDocument(article.body).ok).toBe(true);

    const revisions = await getDb().articleRevision.findMany({ where: { articleId: { in: result.articleIds } } });
    expect(revisions).toHaveLength(15);
    expect(revisions.every((revision) => revision.version === 1 && revision.authorId === editor.id)).toBe(true);
    const audits = await getDb().auditEvent.findMany({
      where: { actorId: editor.id, OR: [{ action: 'article.imported' }, { action: 'issue.imported' }] },
    });
    expect(
      audits
        .filter((event) => event.action === 'article.imported')
        .map((event) => Number(event.entityId))
        .sort(),
    ).toEqual([...result.articleIds].sort());
    expect(audits.filter((event) => event.action === 'issue.imported')).toEqual([
      expect.objectContaining({
        entityType: 'issue',
        entityId: String(result.issueId),
        data: expect.objectContaining({ file: 'so-17-2025.docx', articles: 15 }),
      }),
    ]);
    // The Word file's 28 photos are in the media library, linked to their articles.
    expect(await getDb().articleMedia.count({ where: { articleId: { in: result.articleIds } } })).toBe(28);
    // Drafts are not public: search does not find them.
    const draft = articles[0]!;
    expect((await searchArticles({ query: 'Bổ sung một số vị trí việc làm tại cấp xã' })).items.map((item) => item.slug)).not.toContain(
      draft.slug,
    );
  });

  it('applies the review edits (rename, drop, merge, move) the editor made', async () => {
    const edits = [
      { op: 'renameArticle', article: 'a1', title: 'Bổ sung vị trí việc làm cấp xã' },
      { op: 'dropArticle', article: 'a2' },
      { op: 'mergeArticle', article: 'a4' },
      { op: 'moveArticle', article: 'a15', section: 's1', position: 0 },
    ];
    const result = await importIssue(editor, { fileName: 'so-17.md', bytes: await fixture('so-17-2025.md'), edits, target: newIssue(42) });
    const sections = await layout(result.issueId);
    const titles = sections.map((section) => section.articles.map((article) => article.title));
    expect(titles[0]![0]).toBe('Hội nghị đối thoại trực tiếp về thủ tục hành chính và giải quyết thủ tục hành chính');
    expect(titles[0]![1]).toBe('Bổ sung vị trí việc làm cấp xã');
    expect(titles.flat()).toHaveLength(13);
    expect(titles.flat()).not.toContain('Rà soát, sắp xếp thôn, bản, tổ dân phố trên toàn quốc dự kiến vào tháng 5/2026');
    const merged = sections[0]!.articles.find((article) => article.title.startsWith('Đổi mới cơ chế tuyển dụng'))!;
    expect(JSON.stringify(merged.body)).toContain('Hướng dẫn xác định vị trí việc làm chuyên trách về chuyển đổi số được hưởng hỗ trợ');
  });

  it('adds to an existing draft issue, into the sections of the same name', async () => {
    const first = await importIssue(editor, {
      fileName: 'diem-bao.txt',
      bytes: await fixture('diem-bao-2025-10-10.txt'),
      target: newIssue(43),
    });
    const version = (await getDb().issue.findUniqueOrThrow({ where: { id: first.issueId } })).version;
    const again = await importIssue(editor, {
      fileName: 'diem-bao.txt',
      bytes: await fixture('diem-bao-2025-10-10.txt'),
      target: { kind: 'existing', issueId: first.issueId, expectedVersion: version },
    });
    expect(again.issueId).toBe(first.issueId);
    const sections = await layout(first.issueId);
    expect(sections.map((section) => [section.title, section.articles.length])).toEqual([
      ['Tin trung ương', 8],
      ['Tin địa phương', 4],
    ]);
    expect(new Set(sections.flatMap((section) => section.articles.map((article) => article.slug))).size).toBe(12);
  });
});

describe('importing a back issue into the archive', () => {
  it('publishes the issue and its articles, keeps the original PDF and serves it as the print file', async () => {
    const bytes = await fixture('so-08-2025.pdf');
    const target = {
      kind: 'archive',
      number: 41,
      year: 2025,
      periodStart: '2025-08-04',
      periodEnd: '2025-08-10',
      publishedOn: '2025-08-11',
    };
    const result = await importIssue(approver, { fileName: 'so-08-2025.pdf', bytes, target });
    const issue = await getDb().issue.findUniqueOrThrow({ where: { id: result.issueId }, include: { printFile: true } });
    expect(issue.status).toBe('PUBLISHED');
    expect(issue.publishedAt?.toISOString()).toBe('2025-08-11T01:00:00.000Z');
    expect(Buffer.from(issue.printFile!.bytes).equals(bytes)).toBe(true);
    const articles = (await layout(result.issueId)).flatMap((section) => section.articles);
    expect(articles).toHaveLength(9);
    expect(articles.every((article) => article.status === 'PUBLISHED' && article.approvedVersion === 1)).toBe(true);

    // Once published, search finds the imported articles.
    const found = await searchArticles({ query: 'Khắc phục khó khăn, linh hoạt vận hành' });
    const imported = articles.find((article) => article.title === 'Khắc phục khó khăn, linh hoạt vận hành')!;
    expect(found.items).toContainEqual(expect.objectContaining({ slug: imported.slug, issue: { year: 2025, number: 41 } }));

    const { GET } = await import('@/app/ban-tin/[year]/[number]/pdf/route');
    const response = await GET(new Request('http://localhost:3000/ban-tin/2025/41/pdf'), {
      params: Promise.resolve({ year: '2025', number: '41' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ban-tin-cchc-so-41-2025.pdf"');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('is refused to an editor, who may not publish', async () => {
    const target = {
      kind: 'archive',
      number: 44,
      year: 2025,
      periodStart: '2025-08-04',
      periodEnd: '2025-08-10',
      publishedOn: '2025-08-11',
    };
    expect(
      await failure(importIssue(editor, { fileName: 'so-08-2025.pdf', bytes: await fixture('so-08-2025.pdf'), target })),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe('refusals leave nothing behind', () => {
  it.each([
    [
      'a ZIP bomb',
      'bom.docx',
      () => buildZip(docxParts([{ name: 'word/media/a.png', data: Buffer.alloc(70 * 1024 * 1024) }])),
      ValidationError,
    ],
    ['a file without titles', 'ghi-chu.txt', () => Buffer.from('ghi chú nội bộ, không phải bản tin.\n'), ValidationError],
    ['a scanned PDF', 'scan.pdf', () => readFile(path.join(FIXTURES, 'scan-only.pdf')), ValidationError],
  ])('%s', async (_label, fileName, bytes, kind) => {
    const before = await counts();
    expect(await failure(importIssue(editor, { fileName, bytes: await bytes(), target: newIssue(45) }))).toBeInstanceOf(kind);
    expect(await counts()).toEqual(before);
  });

  it('a number already taken: ConflictError, and the photos stored so far are rolled back with the rest', async () => {
    const before = await counts();
    const taken = { kind: 'new', number: 17, year: 2025, periodStart: '2025-10-13', periodEnd: '2025-10-26' };
    const error = await failure(
      importIssue(editor, { fileName: 'so-17-2025.docx', bytes: await fixture('so-17-2025.docx'), target: taken }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe('Số 17/2025 đã tồn tại. Hãy chọn số khác hoặc thêm bài vào số đó.');
    expect(await counts()).toEqual(before);
  });
});
