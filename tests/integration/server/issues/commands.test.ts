import { beforeAll, describe, expect, it } from 'vitest';
import {
  addArticleToIssue,
  addSection,
  moveArticle,
  moveSection,
  removeArticleFromIssue,
  removeSection,
  renameSection,
} from '@/server/issues/commands';
import { createIssue, proposeNextIssue } from '@/server/issues/numbering';
import { publishIssueNow, scheduleIssue, unpublishIssue } from '@/server/issues/release';
import { PreflightError } from '@/server/issues/preflight';
import { getIssueView } from '@/server/issues/queries';
import { returnArticle } from '@/server/articles/workflow';
import { getDb } from '@/server/db/client';
import { ConflictError, TransitionError, ValidationError } from '@/server/errors';
import { ForbiddenError, type PermissionActor } from '@/server/permissions';
import { vietnamTime } from '@/lib/dates';
import { createArticle } from '../../../factories/articles';
import { approvedArticles, createDraftIssue, createPublication, placeArticles, type TestIssue } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

let editor: PermissionActor;
let approver: PermissionActor;
let publicationId: number;

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const COMPOSE_CONFLICT = 'Số bản tin vừa được người khác sắp xếp lại. Tải lại để xem thứ tự mới; thay đổi của bạn chưa được lưu.';

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  publicationId = (await createPublication()).id;
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const inFuture = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();

/** Section titles and article titles in the order the public page and the PDF print them. */
async function layoutOf(issueId: number) {
  const view = await getIssueView({ id: issueId }, { visibility: 'editorial' });
  return view!.sections.map((section) => ({ title: section.title, articles: section.articles.map((article) => article.title) }));
}

async function positionsOf(sectionId: number) {
  const placements = await getDb().articlePlacement.findMany({ where: { sectionId }, orderBy: { position: 'asc' } });
  return placements.map((placement) => placement.position);
}

describe('proposeNextIssue', () => {
  it('proposes Số 18 of 2025 after the demo Số 17, for the next two weeks', async () => {
    const demo = await getDb().publication.findFirstOrThrow({ where: { slug: { not: { startsWith: 'an-pham-thu' } } } });
    expect(await proposeNextIssue(demo.id, vietnamTime('2025-11-05', 9))).toEqual({
      number: 18,
      year: 2025,
      periodStart: '2025-10-27',
      periodEnd: '2025-11-09',
    });
  });

  it('keeps the old year until midnight in Asia/Ho_Chi_Minh and restarts at 1 in January', async () => {
    const weekly = await createPublication({ cadence: 'WEEKLY' });
    await getDb().issue.create({
      data: { publicationId: weekly.id, number: 52, year: 2025, periodStart: new Date('2025-12-22'), periodEnd: new Date('2025-12-28') },
    });
    expect(await proposeNextIssue(weekly.id, vietnamTime('2025-12-31', 23, 30))).toEqual({
      number: 53,
      year: 2025,
      periodStart: '2025-12-29',
      periodEnd: '2026-01-04',
    });
    const newYearLocal = vietnamTime('2026-01-01', 0, 30);
    expect(newYearLocal.toISOString()).toBe('2025-12-31T17:30:00.000Z');
    expect(await proposeNextIssue(weekly.id, newYearLocal)).toEqual({
      number: 1,
      year: 2026,
      periodStart: '2025-12-29',
      periodEnd: '2026-01-04',
    });
  });

  it('starts the first issue of a daily publication today, local date', async () => {
    const daily = await createPublication({ cadence: 'DAILY' });
    expect(await proposeNextIssue(daily.id, vietnamTime('2026-03-10', 0, 30))).toEqual({
      number: 1,
      year: 2026,
      periodStart: '2026-03-10',
      periodEnd: '2026-03-10',
    });
  });
});

describe('createIssue', () => {
  it('creates a draft with the publication’s default sections and an audit event', async () => {
    const created = await createIssue(editor, {
      publicationId,
      number: 101,
      year: 2041,
      periodStart: '2041-01-07',
      periodEnd: '2041-01-20',
    });
    expect(created).toMatchObject({ version: 1, status: 'DRAFT' });
    const sections = await getDb().issueSection.findMany({ where: { issueId: created.id }, orderBy: { position: 'asc' } });
    expect(sections.map(({ title, position, expectsSource }) => ({ title, position, expectsSource }))).toEqual([
      { title: 'Thông tin CCHC của Trung ương', position: 0, expectsSource: true },
      { title: 'Thông tin CCHC của tỉnh', position: 1, expectsSource: false },
    ]);
    const issue = await getDb().issue.findUniqueOrThrow({ where: { id: created.id } });
    expect(issue).toMatchObject({ createdById: editor.id, publishAt: null });
    expect(issue.periodStart.toISOString()).toBe('2041-01-07T00:00:00.000Z');
    expect(await getDb().auditEvent.count({ where: { entityType: 'issue', entityId: String(created.id), action: 'issue.created' } })).toBe(
      1,
    );
  });

  const valid = { publicationId: 0, number: 5, year: 2042, periodStart: '2042-02-01', periodEnd: '2042-02-14' };
  it.each([
    ['number 0', { number: 0 }, 'number'],
    ['a negative number', { number: -3 }, 'number'],
    ['a non-integer number', { number: 1.5 }, 'number'],
    ['a number as text', { number: '18' }, 'number'],
    ['year 1999', { year: 1999 }, 'year'],
    ['year 2101', { year: 2101 }, 'year'],
    ['a period ending before it starts', { periodStart: '2042-02-14', periodEnd: '2042-02-01' }, 'periodEnd'],
    ['a date that does not exist', { periodEnd: '2042-02-30' }, 'periodEnd'],
    ['an extra status field', { status: 'PUBLISHED' }, 'status'],
  ])('refuses %s with a Vietnamese message and creates nothing', async (_label, change, field) => {
    const before = await getDb().issue.count();
    const error = await failure(createIssue(editor, { ...valid, publicationId, ...change }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]).toMatch(VIETNAMESE);
    expect(await getDb().issue.count()).toBe(before);
  });

  it('names the issue that already has the number', async () => {
    const first = await createIssue(editor, { publicationId, number: 18, year: 2043, periodStart: '2043-10-27', periodEnd: '2043-11-09' });
    const error = await failure(
      createIssue(approver, { publicationId, number: 18, year: 2043, periodStart: '2043-11-10', periodEnd: '2043-11-23' }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe('Số 18/2043 đã tồn tại.');
    expect((error as ConflictError<{ id: number }>).current?.id).toBe(first.id);
  });

  it('lets exactly one of 20 simultaneous creations of the same number win, without a server error', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createIssue(i % 2 ? editor : approver, {
          publicationId,
          number: 7,
          year: 2044,
          periodStart: '2044-03-01',
          periodEnd: '2044-03-14',
        }),
      ),
    );
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const result of rejected) {
      expect(result.reason).toBeInstanceOf(ConflictError);
      expect((result.reason as Error).message).toBe('Số 07/2044 đã tồn tại.');
    }
    expect(await getDb().issue.count({ where: { publicationId, year: 2044, number: 7 } })).toBe(1);
  });
});

describe('sections', () => {
  it('adds, renames, reorders and removes sections, one version each, all audited', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [central, province] = issue.sections;
    let version = (await addSection(editor, issue.id, { expectedVersion: 1, title: '  Phân tích –   Bình luận ' })).version;
    expect(version).toBe(2);
    const added = await getDb().issueSection.findFirstOrThrow({ where: { issueId: issue.id, title: 'Phân tích – Bình luận' } });
    version = (await renameSection(editor, issue.id, { expectedVersion: version, sectionId: province!.id, title: 'Cải cách địa phương' }))
      .version;
    version = (await moveSection(editor, issue.id, { expectedVersion: version, sectionId: added.id, position: 0 })).version;
    expect((await layoutOf(issue.id)).map((s) => s.title)).toEqual([
      'Phân tích – Bình luận',
      'Thông tin CCHC của Trung ương',
      'Cải cách địa phương',
    ]);
    version = (await moveSection(editor, issue.id, { expectedVersion: version, sectionId: added.id, position: 99 })).version;
    version = (await removeSection(editor, issue.id, { expectedVersion: version, sectionId: central!.id })).version;
    expect(version).toBe(6);
    expect((await layoutOf(issue.id)).map((s) => s.title)).toEqual(['Cải cách địa phương', 'Phân tích – Bình luận']);
    const positions = await getDb().issueSection.findMany({ where: { issueId: issue.id }, orderBy: { position: 'asc' } });
    expect(positions.map((s) => s.position)).toEqual([0, 1]);
    const actions = await getDb().auditEvent.findMany({
      where: { entityType: 'issue', entityId: String(issue.id) },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((event) => event.action)).toEqual([
      'issue.created',
      'issue.section.added',
      'issue.section.renamed',
      'issue.section.moved',
      'issue.section.moved',
      'issue.section.removed',
    ]);
    expect(actions.every((event) => event.actorId === editor.id)).toBe(true);
  });

  it('refuses to delete a section that still has articles, and changes nothing', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [article] = await approvedArticles(['Bài trong chuyên mục']);
    const placed = await placeArticles(editor, issue, issue.sections[0]!.id, [article!.id]);
    const error = await failure(removeSection(editor, issue.id, { expectedVersion: placed.version, sectionId: issue.sections[0]!.id }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^Chuyên mục còn bài viết/);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).version).toBe(placed.version);
    expect(await getDb().issueSection.count({ where: { issueId: issue.id } })).toBe(2);
  });

  it('refuses an empty section title and a section of another issue', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const other = await createDraftIssue(editor, publicationId);
    expect(await failure(addSection(editor, issue.id, { expectedVersion: 1, title: '   ' }))).toBeInstanceOf(ValidationError);
    expect(
      await failure(renameSection(editor, issue.id, { expectedVersion: 1, sectionId: other.sections[0]!.id, title: 'Lạ' })),
    ).toMatchObject({
      name: 'NotFoundError',
    });
  });
});

describe('articles in an issue', () => {
  it('adds approved and published articles in order, inserts at a position and numbers the TOC across sections', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [a, b, c] = await approvedArticles(['Bài A', 'Bài B', 'Bài C']);
    const published = await createArticle({ title: 'Bài đã xuất bản', status: 'PUBLISHED', publishAt: new Date('2025-01-01') });
    let current = await placeArticles(editor, issue, issue.sections[0]!.id, [a!.id, b!.id]);
    current = await addArticleToIssue(editor, issue.id, {
      expectedVersion: current.version,
      articleId: c!.id,
      sectionId: issue.sections[0]!.id,
      position: 1,
    });
    current = await addArticleToIssue(editor, issue.id, {
      expectedVersion: current.version,
      articleId: published.id,
      sectionId: issue.sections[1]!.id,
    });
    expect(current.version).toBe(5);
    expect(await layoutOf(issue.id)).toEqual([
      { title: 'Thông tin CCHC của Trung ương', articles: ['Bài A', 'Bài C', 'Bài B'] },
      { title: 'Thông tin CCHC của tỉnh', articles: ['Bài đã xuất bản'] },
    ]);
    const view = await getIssueView({ id: issue.id }, { visibility: 'editorial' });
    expect(view!.sections.flatMap((s) => s.articles.map((article) => article.tocNumber))).toEqual([1, 2, 3, 4]);
    expect(await positionsOf(issue.sections[0]!.id)).toEqual([0, 1, 2]);
  });

  it.each([
    ['DRAFT', 'Nháp'],
    ['SUBMITTED', 'Chờ duyệt'],
  ] as const)('refuses a %s article, naming its status', async (status, label) => {
    const issue = await createDraftIssue(editor, publicationId);
    const article = await createArticle({ title: `Bài ${label}`, status });
    const error = await failure(
      addArticleToIssue(editor, issue.id, { expectedVersion: 1, articleId: article.id, sectionId: issue.sections[0]!.id }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`“${label}”`);
    expect(await getDb().articlePlacement.count({ where: { articleId: article.id } })).toBe(0);
  });

  it('refuses an article that is already in another issue, naming that issue', async () => {
    const first = await createDraftIssue(editor, publicationId);
    const second = await createDraftIssue(editor, publicationId);
    const [article] = await approvedArticles(['Bài đã có chỗ']);
    await placeArticles(editor, first, first.sections[1]!.id, [article!.id]);
    const error = await failure(
      addArticleToIssue(editor, second.id, { expectedVersion: 1, articleId: article!.id, sectionId: second.sections[0]!.id }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`đang nằm trong Số ${String(first.number).padStart(2, '0')}/2040.`);
    const placement = await getDb().articlePlacement.findUniqueOrThrow({ where: { articleId: article!.id } });
    expect(placement.sectionId).toBe(first.sections[1]!.id);
  });

  it('places an article added to two issues at once in exactly one of them', async () => {
    const first = await createDraftIssue(editor, publicationId);
    const second = await createDraftIssue(editor, publicationId);
    const [article] = await approvedArticles(['Bài tranh chấp']);
    const results = await Promise.allSettled([
      addArticleToIssue(editor, first.id, { expectedVersion: 1, articleId: article!.id, sectionId: first.sections[0]!.id }),
      addArticleToIssue(approver, second.id, { expectedVersion: 1, articleId: article!.id, sectionId: second.sections[0]!.id }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(ValidationError);
    expect(await getDb().articlePlacement.count({ where: { articleId: article!.id } })).toBe(1);
  });

  it('moves articles within and across sections and keeps positions dense', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [central, province] = issue.sections;
    const [a, b, c, d] = await approvedArticles(['Một', 'Hai', 'Ba', 'Bốn']);
    let current = await placeArticles(editor, issue, central!.id, [a!.id, b!.id, c!.id]);
    current = await placeArticles(editor, current, province!.id, [d!.id]);
    current = await moveArticle(editor, issue.id, {
      expectedVersion: current.version,
      articleId: c!.id,
      sectionId: central!.id,
      position: 0,
    });
    expect((await layoutOf(issue.id))[0]!.articles).toEqual(['Ba', 'Một', 'Hai']);
    current = await moveArticle(editor, issue.id, {
      expectedVersion: current.version,
      articleId: a!.id,
      sectionId: province!.id,
      position: 0,
    });
    expect(await layoutOf(issue.id)).toEqual([
      { title: 'Thông tin CCHC của Trung ương', articles: ['Ba', 'Hai'] },
      { title: 'Thông tin CCHC của tỉnh', articles: ['Một', 'Bốn'] },
    ]);
    expect(await positionsOf(central!.id)).toEqual([0, 1]);
    expect(await positionsOf(province!.id)).toEqual([0, 1]);
    current = await removeArticleFromIssue(editor, issue.id, { expectedVersion: current.version, articleId: c!.id });
    expect((await layoutOf(issue.id))[0]!.articles).toEqual(['Hai']);
    expect(await positionsOf(central!.id)).toEqual([0]);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: c!.id } })).status).toBe('APPROVED');
    expect(current.version).toBe(8);
    const moved = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: String(issue.id), action: 'issue.article.moved' },
      orderBy: { id: 'desc' },
    });
    expect(moved.data).toMatchObject({ articleId: a!.id, fromSectionId: central!.id, toSectionId: province!.id, position: 0 });
  });

  it('refuses the later of two editors reordering from the same version, keeping the first order', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [a, b, c] = await approvedArticles(['Thứ nhất', 'Thứ hai', 'Thứ ba']);
    const placed = await placeArticles(editor, issue, issue.sections[1]!.id, [a!.id, b!.id, c!.id]);
    const sectionId = issue.sections[1]!.id;
    await moveArticle(editor, issue.id, { expectedVersion: placed.version, articleId: c!.id, sectionId, position: 0 });
    const error = await failure(
      moveArticle(approver, issue.id, { expectedVersion: placed.version, articleId: a!.id, sectionId, position: 2 }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(COMPOSE_CONFLICT);
    expect((error as ConflictError<{ version: number }>).current?.version).toBe(placed.version + 1);
    expect((await layoutOf(issue.id))[1]!.articles).toEqual(['Thứ ba', 'Thứ nhất', 'Thứ hai']);
  });

  it('lets exactly one of two simultaneous reorders win', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [a, b] = await approvedArticles(['Đồng thời một', 'Đồng thời hai']);
    const sectionId = issue.sections[0]!.id;
    const placed = await placeArticles(editor, issue, sectionId, [a!.id, b!.id]);
    const results = await Promise.allSettled([
      moveArticle(editor, issue.id, { expectedVersion: placed.version, articleId: b!.id, sectionId, position: 0 }),
      moveSection(approver, issue.id, { expectedVersion: placed.version, sectionId, position: 1 }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(ConflictError);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).version).toBe(placed.version + 1);
  });

  it('refuses extra fields such as version or status', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const error = await failure(addSection(editor, issue.id, { expectedVersion: 1, title: 'Mới', version: 9, status: 'PUBLISHED' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe('Yêu cầu có trường không được phép.');
  });
});

/** A draft issue holding approved, sourced articles in both sections. */
async function readyIssue(titles = ['Sẵn sàng một', 'Sẵn sàng hai']): Promise<TestIssue & { articleIds: number[] }> {
  const issue = await createDraftIssue(editor, publicationId);
  const articles = await approvedArticles(titles);
  let current = await placeArticles(editor, issue, issue.sections[0]!.id, [articles[0]!.id]);
  current = await placeArticles(
    editor,
    current,
    issue.sections[1]!.id,
    articles.slice(1).map((a) => a.id),
  );
  return { ...issue, ...current, articleIds: articles.map((a) => a.id) };
}

describe('scheduleIssue', () => {
  it('schedules the issue and its approved articles at the same time, keeping them approved', async () => {
    const issue = await readyIssue();
    const publishAt = inFuture();
    const scheduled = await scheduleIssue(approver, issue.id, { expectedVersion: issue.version, publishAt, acknowledgedWarnings: false });
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', version: issue.version + 1 });
    const stored = await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored.publishAt?.toISOString()).toBe(publishAt);
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } } });
    expect(articles.map((a) => [a.status, a.publishAt?.toISOString()])).toEqual(issue.articleIds.map(() => ['APPROVED', publishAt]));
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: String(issue.id), action: 'issue.scheduled' } });
    expect(event).toMatchObject({ actorId: approver.id, data: { publishAt, version: scheduled.version } });
  });

  it('reads the time with its offset: 08:00 in Asia/Ho_Chi_Minh is 01:00 UTC', async () => {
    const issue = await readyIssue(['Giờ Việt Nam một', 'Giờ Việt Nam hai']);
    await scheduleIssue(approver, issue.id, { expectedVersion: issue.version, publishAt: '2099-11-10T08:00:00+07:00' });
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).publishAt?.toISOString()).toBe('2099-11-10T01:00:00.000Z');
  });

  it.each([
    ['a time in the past', { publishAt: new Date(Date.now() - 60_000).toISOString() }, 'Thời gian xuất bản đã qua.'],
    ['a time without its offset', { publishAt: '2099-11-10T08:00:00' }, null],
    ['no time at all', { publishAt: undefined }, null],
  ])('refuses %s', async (_label, change, message) => {
    const issue = await readyIssue([`Giờ sai ${_label}`, `Giờ sai hai ${_label}`]);
    const error = await failure(
      scheduleIssue(approver, issue.id, { expectedVersion: issue.version, acknowledgedWarnings: true, ...change }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.publishAt).toMatch(message ?? VIETNAMESE);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('DRAFT');
  });

  it('refuses an issue with a draft article, listing it, and changes nothing', async () => {
    const issue = await readyIssue(['Bài bị trả lại', 'Bài ổn']);
    await returnArticle(approver, issue.articleIds[0]!, { expectedVersion: 1, comment: 'Cần sửa số liệu.' });
    for (const attempt of [
      () => scheduleIssue(approver, issue.id, { expectedVersion: issue.version, publishAt: inFuture(), acknowledgedWarnings: true }),
      () => publishIssueNow(approver, issue.id, { expectedVersion: issue.version, acknowledgedWarnings: true }),
    ]) {
      const error = await failure(attempt());
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toBeInstanceOf(PreflightError);
      expect((error as Error).message).toContain('Bài “Bài bị trả lại” chưa được duyệt');
      expect((error as PreflightError).report.blocking.map((p) => p.code)).toEqual(['ARTICLE_NOT_APPROVED']);
    }
    const stored = await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored).toMatchObject({ status: 'DRAFT', publishAt: null, version: issue.version });
  });

  it('refuses an issue without any article', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const error = await failure(
      scheduleIssue(approver, issue.id, { expectedVersion: 1, publishAt: inFuture(), acknowledgedWarnings: true }),
    );
    expect((error as PreflightError).report.blocking.map((p) => p.code)).toEqual(['NO_ARTICLES']);
  });

  it('needs warnings acknowledged', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const [article] = await approvedArticles(['Chỉ một chuyên mục']);
    const placed = await placeArticles(editor, issue, issue.sections[1]!.id, [article!.id]);
    const input = { expectedVersion: placed.version, publishAt: inFuture() };
    const error = await failure(scheduleIssue(approver, issue.id, input));
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toContain('Chuyên mục “Thông tin CCHC của Trung ương” chưa có bài viết.');
    const scheduled = await scheduleIssue(approver, issue.id, { ...input, acknowledgedWarnings: true });
    expect(scheduled.status).toBe('SCHEDULED');
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: String(issue.id), action: 'issue.scheduled' } });
    expect(event.data).toMatchObject({ acknowledgedWarnings: ['Chuyên mục “Thông tin CCHC của Trung ương” chưa có bài viết.'] });
  });

  it('refuses composing a scheduled issue and rescheduling a public one', async () => {
    const issue = await readyIssue(['Khoá bố cục một', 'Khoá bố cục hai']);
    const scheduled = await scheduleIssue(approver, issue.id, { expectedVersion: issue.version, publishAt: inFuture() });
    const error = await failure(
      moveSection(editor, issue.id, { expectedVersion: scheduled.version, sectionId: issue.sections[0]!.id, position: 1 }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    const rescheduled = await scheduleIssue(approver, issue.id, { expectedVersion: scheduled.version, publishAt: inFuture(7200_000) });
    expect(rescheduled.status).toBe('SCHEDULED');
    const published = await publishIssueNow(approver, issue.id, { expectedVersion: rescheduled.version });
    expect(await failure(scheduleIssue(approver, issue.id, { expectedVersion: published.version, publishAt: inFuture() }))).toBeInstanceOf(
      TransitionError,
    );
  });
});

describe('publishIssueNow and unpublishIssue', () => {
  it('publishes the issue and its articles at once, visible to the public, with the side effects queued', async () => {
    const issue = await readyIssue(['Xuất bản ngay một', 'Xuất bản ngay hai']);
    const before = new Date();
    const published = await publishIssueNow(approver, issue.id, { expectedVersion: issue.version });
    expect(published).toEqual({ id: issue.id, version: issue.version + 1, status: 'PUBLISHED' });
    const stored = await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored.status).toBe('PUBLISHED');
    expect(stored.publishAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(stored.publishedAt).toEqual(stored.publishAt);
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } } });
    for (const article of articles)
      expect(article).toMatchObject({ status: 'PUBLISHED', publishAt: stored.publishAt, publishedAt: stored.publishAt });
    const view = await getIssueView({ id: issue.id }, { visibility: 'public' });
    expect(view?.sections.flatMap((s) => s.articles.map((a) => a.title))).toEqual(['Xuất bản ngay một', 'Xuất bản ngay hai']);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: String(issue.id), action: 'issue.published' } });
    expect(event).toMatchObject({ actorId: approver.id });
    expect(event.data).not.toHaveProperty('late');
    expect(await getDb().publishOutbox.count({ where: { issueId: issue.id, kind: 'issue.published' } })).toBe(1);
    expect(await failure(publishIssueNow(approver, issue.id, { expectedVersion: published.version }))).toBeInstanceOf(TransitionError);
  });

  it('unpublishes with a reason: back to draft, articles approved and kept in place, audited', async () => {
    const issue = await readyIssue(['Gỡ một', 'Gỡ hai']);
    const published = await publishIssueNow(approver, issue.id, { expectedVersion: issue.version });
    expect(await failure(unpublishIssue(approver, issue.id, { expectedVersion: published.version, reason: '  ' }))).toBeInstanceOf(
      ValidationError,
    );
    const draft = await unpublishIssue(approver, issue.id, { expectedVersion: published.version, reason: 'Sai số liệu bài hai.' });
    expect(draft).toMatchObject({ status: 'DRAFT', version: published.version + 1 });
    expect(await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'DRAFT', publishAt: null });
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } }, include: { placement: true } });
    for (const article of articles) {
      expect(article).toMatchObject({ status: 'APPROVED', publishAt: null });
      expect(article.placement).not.toBeNull();
    }
    expect(await getIssueView({ id: issue.id }, { visibility: 'public' })).toBeNull();
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: String(issue.id), action: 'issue.unpublished' } });
    expect(event).toMatchObject({ actorId: approver.id, data: { reason: 'Sai số liệu bài hai.', statusBefore: 'PUBLISHED' } });
    expect(await getDb().publishOutbox.count({ where: { issueId: issue.id, kind: 'issue.unpublished' } })).toBe(1);
    // And it can go out again.
    const again = await publishIssueNow(approver, issue.id, { expectedVersion: draft.version });
    expect(again.status).toBe('PUBLISHED');
  });

  it('refuses an editor scheduling, publishing or unpublishing and changes nothing (audited by runAction, see outcome.test.ts)', async () => {
    const issue = await readyIssue(['Biên tập tự xuất bản một', 'Biên tập tự xuất bản hai']);
    const attempts = [
      () => scheduleIssue(editor, issue.id, { expectedVersion: issue.version, publishAt: inFuture(), acknowledgedWarnings: true }),
      () => publishIssueNow(editor, issue.id, { expectedVersion: issue.version, acknowledgedWarnings: true }),
      () => unpublishIssue(editor, issue.id, { expectedVersion: issue.version, reason: 'Thử' }),
    ];
    for (const attempt of attempts) expect(await failure(attempt())).toBeInstanceOf(ForbiddenError);
    expect(await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({
      status: 'DRAFT',
      publishAt: null,
      version: issue.version,
    });
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } } });
    expect(articles.every((a) => a.status === 'APPROVED' && a.publishAt === null)).toBe(true);
  });

  it('refuses a stale version', async () => {
    const issue = await readyIssue(['Phiên bản cũ một', 'Phiên bản cũ hai']);
    const error = await failure(publishIssueNow(approver, issue.id, { expectedVersion: issue.version - 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('DRAFT');
  });
});
