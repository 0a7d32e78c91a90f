// The page cache against the real database: the triggers of the public_change_notify migration,
// the change feed, the store, and the domain commands a person uses. A "page" here is what a
// public route renders (the public query's result), stored and served by a real PageStore the
// way Next hands pages to it; each `request` is the next reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache/types';
import { getDb } from '@/server/db/client';
import { ChangeFeed, CHANNEL } from '@/server/page-cache/change-feed';
import { Freshness } from '@/server/page-cache/freshness';
import { PageStore } from '@/server/page-cache/page-store';
import { getIssueView, listPublicIssues } from '@/server/issues/queries';
import { findPublicArticle, listPublicArticlesByTag } from '@/server/articles/queries';
import { publishIssueNow, scheduleIssue, unpublishIssue } from '@/server/issues/release';
import { publishRevision, saveArticle } from '@/server/articles/commands';
import { getPublicationSettings, updatePublicationSettings } from '@/server/publication/commands';
import { publishDueIssues } from '@/server/publishing/publish-due';
import { renameSection } from '@/server/issues/commands';
import type { PermissionActor } from '@/server/permissions';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { createArticle } from '../../../factories/articles';
import { actorFor } from '../../../factories/users';

let admin: PermissionActor;
let editor: PermissionActor;
let approver: PermissionActor;
let publicationId: number;
let freshness: Freshness;
let feed: ChangeFeed;
let store: PageStore;
let renders = 0;

/** Every notification this test file's database sends, in commit order. */
const heard: string[] = [];
const MARKER_CHANNEL = 'bantin_test_marker';
let listener: pg.Client;

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 10_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Hết thời gian chờ: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs a committed change and waits until the feed has applied its notification. */
async function change<T>(work: () => Promise<T>): Promise<T> {
  const applied = feed.nextChange();
  const result = await work();
  await applied;
  // Times are milliseconds: a lookup in the very millisecond of the change counts as before it.
  await new Promise((resolve) => setTimeout(resolve, 2));
  return result;
}

/**
 * The tables whose notifications `work` caused. A marker sent on a channel of this test's own
 * after it arrives after them (PostgreSQL delivers notifications in commit order).
 */
async function notificationsOf(work: () => Promise<unknown>): Promise<string[]> {
  const start = heard.length;
  await work();
  const marker = `marker-${Date.now()}-${Math.random()}`;
  await getDb().$executeRawUnsafe(`SELECT pg_notify('${MARKER_CHANNEL}', '${marker}')`);
  await waitFor(() => heard.includes(marker), 'the marker notification');
  return heard.slice(start, heard.indexOf(marker));
}

/** One reader's request for a public page: from the store while fresh, else rendered and stored. */
async function request<T>(path: string, render: () => Promise<T>): Promise<T> {
  const key = `/route-cache/APP_ROUTE/test/$${path}`;
  const found = store.get(key, 'APP_ROUTE');
  if (found && found.lastModified !== -1 && found.value?.kind === 'APP_ROUTE') return JSON.parse(found.value.body.toString()) as T;
  renders += 1;
  const data = await render();
  const value = { kind: 'APP_ROUTE', body: Buffer.from(JSON.stringify(data ?? null)), status: 200, headers: {} } as IncrementalCacheValue;
  store.set(key, value, { revalidate: false, expire: undefined });
  return JSON.parse(JSON.stringify(data ?? null)) as T;
}

const issuePage = (year: number, number: number) =>
  request(`/ban-tin/${year}/${number}`, async () => {
    const issue = await getIssueView({ year, number }, { visibility: 'public' });
    return issue && { credit: issue.publication.creditLine, titles: issue.sections.flatMap((s) => s.articles.map((a) => a.title)) };
  });
const homeIssues = () => request('/', async () => (await listPublicIssues({ take: 50 })).map((issue) => `${issue.number}/${issue.year}`));
const articlePage = (slug: string) =>
  request(`/bai-viet/${slug}`, async () => {
    const found = await findPublicArticle(slug);
    return found?.kind === 'article' ? { title: found.article.title, tags: found.article.tags.map((tag) => tag.slug) } : found;
  });
const tagPage = (slug: string) =>
  request(`/chu-de/${slug}`, async () => (await listPublicArticlesByTag(slug, 1))?.items.map((item) => item.title) ?? null);

/** A draft issue of the test publication holding approved articles, ready to publish. */
async function readyIssue(titles: string[]) {
  const issue = await createDraftIssue(editor, publicationId);
  const articles = await approvedArticles(titles);
  const placed = await placeArticles(
    editor,
    issue,
    issue.sections[0]!.id,
    articles.map((article) => article.id),
  );
  return { ...issue, version: placed.version, articles };
}

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  admin = await actorFor('quantri@demo.local');
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  publicationId = (await createPublication()).id;
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on('notification', (message) => heard.push(message.payload ?? ''));
  await listener.query(`LISTEN ${CHANNEL}`);
  await listener.query(`LISTEN ${MARKER_CHANNEL}`);
  freshness = new Freshness();
  feed = new ChangeFeed(process.env.DATABASE_URL!, freshness, { retryMs: 50, heartbeatMs: 500, log: () => undefined });
  const connected = feed.nextChange();
  feed.start();
  await connected;
  store = new PageStore(freshness, { maxBytes: 64 * 1024 * 1024 });
});

afterAll(async () => {
  await feed.stop();
  await listener.end();
});

describe('public pages served from the page cache', () => {
  it('a published issue appears on the next request, and an unpublished one is gone on the next', async () => {
    const issue = await readyIssue(['Xuất bản hiện ngay thứ nhất', 'Xuất bản hiện ngay thứ hai']);
    expect(await issuePage(2040, issue.number)).toBeNull();
    expect(await homeIssues()).not.toContain(`${issue.number}/2040`);
    const slug = issue.articles[0]!.slug;
    expect(await articlePage(slug)).toBeNull();

    const published = await change(() =>
      publishIssueNow(approver, issue.id, { expectedVersion: issue.version, acknowledgedWarnings: true }),
    );
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Xuất bản hiện ngay thứ nhất', 'Xuất bản hiện ngay thứ hai']);
    expect(await homeIssues()).toContain(`${issue.number}/2040`);
    expect(await articlePage(slug)).toMatchObject({ title: 'Xuất bản hiện ngay thứ nhất' });

    await change(() => unpublishIssue(approver, issue.id, { expectedVersion: published.version, reason: 'Sai số liệu' }));
    expect(await issuePage(2040, issue.number)).toBeNull();
    expect(await homeIssues()).not.toContain(`${issue.number}/2040`);
    expect(await articlePage(slug)).toBeNull();
  });

  it('an edit of a published article waits as a pending revision, then shows on the next request once published', async () => {
    const issue = await readyIssue(['Bài sẽ được sửa']);
    await change(() => publishIssueNow(approver, issue.id, { expectedVersion: issue.version, acknowledgedWarnings: true }));
    const article = await getDb().article.findUniqueOrThrow({ where: { id: issue.articles[0]!.id } });
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Bài sẽ được sửa']);
    expect(await articlePage(article.slug)).toMatchObject({ title: 'Bài sẽ được sửa' });
    expect(await tagPage('thu-nghiem-bo-nho-dem')).toBeNull();

    const input = {
      expectedVersion: article.version,
      title: 'Bài đã được sửa',
      lead: '',
      body: body('Nội dung mới.'),
      sourceAuthors: '',
      sourceOutlet: 'Báo Chính phủ',
      sourceUrl: 'https://baochinhphu.vn/',
      tags: ['Thử nghiệm bộ nhớ đệm'],
    };
    // The editor's saves touch no public row: nothing is announced, the stored page stays.
    const pending = await saveArticle(approver, article.id, input);
    expect(
      await notificationsOf(() => saveArticle(approver, article.id, { ...input, expectedVersion: pending.version, mode: 'auto' })),
    ).toEqual([]);
    const rendersBefore = renders;
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Bài sẽ được sửa']);
    expect(renders).toBe(rendersBefore);

    await change(() => publishRevision(approver, article.id, { expectedVersion: pending.version + 1 }));
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Bài đã được sửa']);
    expect(await tagPage('thu-nghiem-bo-nho-dem')).toEqual(['Bài đã được sửa']);
    expect(await articlePage(article.slug)).toMatchObject({ title: 'Bài đã được sửa', tags: ['thu-nghiem-bo-nho-dem'] });
  });

  it('a settings change and a renamed tag show on the next request of every page', async () => {
    const demoIssue = await issuePage(2025, 17);
    expect(demoIssue?.credit).toBeTruthy();
    const demo = await getPublicationSettings(admin);
    await change(() =>
      updatePublicationSettings(admin, {
        publicationId: demo.publicationId,
        expectedVersion: demo.version,
        creditLine: 'Phòng Cải cách hành chính (đã đổi)',
      }),
    );
    expect((await issuePage(2025, 17))?.credit).toBe('Phòng Cải cách hành chính (đã đổi)');

    const tagged = await getDb().article.findFirstOrThrow({
      where: { status: 'PUBLISHED', tags: { some: {} } },
      include: { tags: { include: { tag: true } } },
    });
    const tag = tagged.tags[0]!.tag;
    expect((await articlePage(tagged.slug)) as { tags: string[] }).toMatchObject({ tags: expect.arrayContaining([tag.slug]) });
    await change(() => getDb().tag.update({ where: { id: tag.id }, data: { slug: `${tag.slug}-moi` } }));
    expect((await articlePage(tagged.slug)) as { tags: string[] }).toMatchObject({ tags: expect.arrayContaining([`${tag.slug}-moi`]) });
  });

  it('a scheduled issue shows at its time with no write and no request in flight, and the job changes nothing visible', async () => {
    const issue = await readyIssue(['Đến giờ thì hiện']);
    const publishAt = new Date(Date.now() + 1500);
    await change(() =>
      scheduleIssue(approver, issue.id, { expectedVersion: issue.version, publishAt: publishAt.toISOString(), acknowledgedWarnings: true }),
    );
    expect(await issuePage(2040, issue.number)).toBeNull();
    const heardBefore = heard.length;
    await waitFor(async () => Date.now() > publishAt.getTime(), 'the publish time');
    // Only the time has passed: no notification, and the stored "not found" page is stale.
    expect(heard.length).toBe(heardBefore);
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Đến giờ thì hiện']);

    expect(await notificationsOf(async () => expect(await change(() => publishDueIssues())).toHaveLength(1))).toContain('Issue');
    expect((await issuePage(2040, issue.number))?.titles).toEqual(['Đến giờ thì hiện']);
  });

  it('drafts never reach a stored page, and writing them announces nothing', async () => {
    const draft = await createArticle({ title: 'Bản nháp bí mật' });
    expect(await articlePage(draft.slug)).toBeNull();
    const issue = await createDraftIssue(editor, publicationId);
    const announced = await notificationsOf(async () => {
      await saveArticle(editor, draft.id, {
        expectedVersion: draft.version,
        title: 'Bản nháp bí mật, sửa lại',
        lead: '',
        body: body('Chưa duyệt.'),
        sourceAuthors: '',
        sourceOutlet: '',
        sourceUrl: '',
        tags: ['Chủ đề nháp'],
        mode: 'auto',
      });
      await renameSection(editor, issue.id, { expectedVersion: issue.version, sectionId: issue.sections[0]!.id, title: 'Chuyên mục nháp' });
    });
    expect(announced).toEqual([]);
    expect(await articlePage(draft.slug)).toBeNull();
    expect(await issuePage(2040, issue.number)).toBeNull();
  });
});

describe('the change feed', () => {
  it('counts the database unreachable when its connection drops, then reconnects and trusts nothing older', async () => {
    const renderedBefore = Date.now() - 1;
    expect(freshness.isConnected).toBe(true);
    const reconnected = feed.nextChange();
    await getDb().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'bantin-page-cache' AND datname = current_database()`;
    await waitFor(() => !freshness.isConnected, 'the feed to notice');
    await reconnected;
    await waitFor(() => freshness.isConnected, 'the feed to reconnect');
    expect(freshness.isFresh(renderedBefore)).toBe(false);
  });
});
