import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishIssueNow, scheduleIssue } from '@/server/issues/release';
import { getIssueView, listPublicIssues } from '@/server/issues/queries';
import { returnArticle } from '@/server/articles/workflow';
import { getDb } from '@/server/db/client';
import { MAX_OUTBOX_ATTEMPTS, processOutbox, registerPublishHook, type OutboxEvent } from '@/server/publishing/outbox';
import { publishDueIssues } from '@/server/publishing/publish-due';
import { startScheduler } from '@/server/publishing/scheduler';
import type { PermissionActor } from '@/server/permissions';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';
import { log } from '@/server/logger';

let editor: PermissionActor;
let approver: PermissionActor;
let publicationId: number;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  publicationId = (await createPublication()).id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

let titleCounter = 0;

/** An issue with two approved articles, scheduled `inMs` from now; its publish time and article ids. */
async function scheduledIssue(inMs = 120_000) {
  titleCounter += 1;
  const issue = await createDraftIssue(editor, publicationId);
  const articles = await approvedArticles([`Lịch ${titleCounter} thứ nhất`, `Lịch ${titleCounter} thứ hai`]);
  let current = await placeArticles(editor, issue, issue.sections[0]!.id, [articles[0]!.id]);
  current = await placeArticles(editor, current, issue.sections[1]!.id, [articles[1]!.id]);
  const publishAt = new Date(Date.now() + inMs);
  const scheduled = await scheduleIssue(approver, issue.id, { expectedVersion: current.version, publishAt: publishAt.toISOString() });
  return {
    id: issue.id,
    version: scheduled.version,
    publishAt,
    articleIds: articles.map((a) => a.id),
    titles: articles.map((a) => a.title),
  };
}

const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

async function publishedEvents(issueId: number) {
  return getDb().auditEvent.findMany({ where: { entityType: 'issue', entityId: String(issueId), action: 'issue.published' } });
}

describe('visibility of a scheduled issue', () => {
  it('is hidden before its time and public from it, in the composed order, before any job runs', async () => {
    const issue = await scheduledIssue();
    const justBefore = later(issue.publishAt, -1000);
    expect(await getIssueView({ id: issue.id }, { visibility: 'public', now: justBefore })).toBeNull();
    expect((await listPublicIssues({ now: justBefore })).map((i) => i.id)).not.toContain(issue.id);

    const view = await getIssueView({ id: issue.id }, { visibility: 'public', now: issue.publishAt });
    expect(view?.sections.map((s) => s.articles.map((a) => a.title))).toEqual([[issue.titles[0]], [issue.titles[1]]]);
    expect((await listPublicIssues({ now: issue.publishAt })).map((i) => i.id)).toContain(issue.id);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('SCHEDULED');
  });
});

describe('publishDueIssues', () => {
  it('leaves an issue that is not due yet alone', async () => {
    const issue = await scheduledIssue();
    const result = await publishDueIssues(later(issue.publishAt, -1));
    expect(result.map((r) => r.issueId)).not.toContain(issue.id);
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('SCHEDULED');
  });

  it('publishes a due issue and its articles once, however often it runs', async () => {
    const issue = await scheduledIssue();
    const now = later(issue.publishAt, 30_000);
    const first = await publishDueIssues(now);
    expect(first).toContainEqual({ issueId: issue.id, publishAt: issue.publishAt, isLate: false });
    const second = await publishDueIssues(later(now, 60_000));
    expect(second.map((r) => r.issueId)).not.toContain(issue.id);

    const stored = await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } });
    expect(stored).toMatchObject({ status: 'PUBLISHED', publishAt: issue.publishAt, publishedAt: now, version: issue.version });
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } } });
    for (const article of articles) expect(article).toMatchObject({ status: 'PUBLISHED', publishAt: issue.publishAt, publishedAt: now });
    const events = await publishedEvents(issue.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, data: { publishAt: issue.publishAt.toISOString(), articleIds: issue.articleIds } });
    expect(events[0]!.data).not.toHaveProperty('late');
    expect(await getDb().publishOutbox.count({ where: { issueId: issue.id } })).toBe(1);
  });

  it('publishes each issue once when two runs go at the same moment', async () => {
    const issues = [await scheduledIssue(), await scheduledIssue(), await scheduledIssue()];
    const now = later(issues.at(-1)!.publishAt, 1000);
    const runs = await Promise.all([publishDueIssues(now), publishDueIssues(now)]);
    const ids = runs
      .flat()
      .map((r) => r.issueId)
      .filter((id) => issues.some((issue) => issue.id === id));
    expect(ids.sort()).toEqual(issues.map((issue) => issue.id).sort());
    for (const issue of issues) {
      expect(await publishedEvents(issue.id)).toHaveLength(1);
      expect(await getDb().publishOutbox.count({ where: { issueId: issue.id } })).toBe(1);
    }
  });

  it('skips an issue another run holds, and publishes it later if that run dies', async () => {
    const issue = await scheduledIssue();
    let signalLocked!: () => void;
    let kill!: () => void;
    const locked = new Promise<void>((resolve) => (signalLocked = resolve));
    const killed = new Promise<void>((resolve) => (kill = resolve));
    const dyingRun = getDb().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Issue" WHERE id = ${issue.id} FOR UPDATE`;
        signalLocked();
        await killed;
        throw new Error('tiến trình bị dừng giữa chừng');
      },
      { timeout: 30_000 },
    );
    await locked;
    const during = await publishDueIssues(later(issue.publishAt, 1000));
    expect(during.map((r) => r.issueId)).not.toContain(issue.id);
    kill();
    await expect(dyingRun).rejects.toThrow('tiến trình bị dừng giữa chừng');
    const after = await publishDueIssues(later(issue.publishAt, 2000));
    expect(after.map((r) => r.issueId)).toContain(issue.id);
    expect(await publishedEvents(issue.id)).toHaveLength(1);
  });

  it('catches up after downtime: public by its time at once, then marked published and flagged late', async () => {
    const issue = await scheduledIssue(60_000);
    const afterRestart = later(issue.publishAt, 3 * 3600_000);
    // Nothing ran since the publish time, yet the public already sees the issue.
    expect(await getIssueView({ id: issue.id }, { visibility: 'public', now: afterRestart })).not.toBeNull();
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('SCHEDULED');

    expect(await publishDueIssues(afterRestart)).toContainEqual({ issueId: issue.id, publishAt: issue.publishAt, isLate: true });
    const [event] = await publishedEvents(issue.id);
    expect(event!.data).toMatchObject({ late: true });
    const articles = await getDb().article.findMany({ where: { id: { in: issue.articleIds } } });
    for (const article of articles)
      expect(article).toMatchObject({ status: 'PUBLISHED', publishAt: issue.publishAt, publishedAt: afterRestart });
  });

  it('does not flag a run within five minutes of the time as late', async () => {
    const issue = await scheduledIssue();
    expect(await publishDueIssues(later(issue.publishAt, 5 * 60_000))).toContainEqual({
      issueId: issue.id,
      publishAt: issue.publishAt,
      isLate: false,
    });
  });

  it('leaves out an article sent back after scheduling, and records it', async () => {
    const issue = await scheduledIssue();
    await returnArticle(approver, issue.articleIds[0]!, { expectedVersion: 1, comment: 'Sai tên đơn vị.' });
    await publishDueIssues(later(issue.publishAt, 1000));
    const [returned, kept] = await Promise.all(issue.articleIds.map((id) => getDb().article.findUniqueOrThrow({ where: { id } })));
    expect(returned!.status).toBe('DRAFT');
    expect(kept!.status).toBe('PUBLISHED');
    const [event] = await publishedEvents(issue.id);
    expect(event!.data).toMatchObject({ articleIds: [issue.articleIds[1]], skippedArticleIds: [issue.articleIds[0]] });
    const view = await getIssueView({ id: issue.id }, { visibility: 'public', now: later(issue.publishAt, 2000) });
    expect(view!.sections.flatMap((s) => s.articles.map((a) => a.id))).toEqual([issue.articleIds[1]]);
  });
});

describe('processOutbox', () => {
  /** A handler that records the events of the given issues. */
  function recorder(issueIds: number[]) {
    const seen: OutboxEvent[] = [];
    return { seen, handler: (event: OutboxEvent) => void (issueIds.includes(event.issueId) && seen.push(event)) };
  }

  it('runs each pending row exactly once, even with two processors at once', async () => {
    const issues = [await scheduledIssue(), await scheduledIssue()];
    await publishDueIssues(later(issues[1]!.publishAt, 1000));
    const { seen, handler } = recorder(issues.map((issue) => issue.id));
    await Promise.all([processOutbox([handler]), processOutbox([handler])]);
    expect(seen.map((event) => [event.kind, event.issueId]).sort()).toEqual(issues.map((issue) => ['issue.published', issue.id]).sort());
    const rows = await getDb().publishOutbox.findMany({ where: { issueId: { in: issues.map((issue) => issue.id) } } });
    expect(rows.every((row) => row.processedAt !== null && row.attempts === 1 && row.lastError === null)).toBe(true);
    await processOutbox([handler]);
    expect(seen).toHaveLength(2);
  });

  it('records a failing side effect, retries it, and gives up after the last attempt', async () => {
    const errors = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const issue = await scheduledIssue();
    await publishDueIssues(later(issue.publishAt, 1000));
    let calls = 0;
    const failing = (event: OutboxEvent) => {
      if (event.issueId !== issue.id) return;
      calls += 1;
      throw new Error('Không ghi được tệp PDF');
    };
    for (let run = 1; run <= MAX_OUTBOX_ATTEMPTS + 1; run++) await processOutbox([failing]);
    expect(calls).toBe(MAX_OUTBOX_ATTEMPTS);
    const row = await getDb().publishOutbox.findFirstOrThrow({ where: { issueId: issue.id } });
    expect(row).toMatchObject({ processedAt: null, attempts: MAX_OUTBOX_ATTEMPTS, lastError: 'Error: Không ghi được tệp PDF' });
    expect(errors).toHaveBeenCalledTimes(MAX_OUTBOX_ATTEMPTS);
  });

  it('runs the registered publish hooks', async () => {
    const issue = await scheduledIssue();
    const { seen, handler } = recorder([issue.id]);
    const unregister = registerPublishHook(handler);
    try {
      await publishDueIssues(later(issue.publishAt, 1000));
      await processOutbox();
    } finally {
      unregister();
    }
    expect(seen).toEqual([expect.objectContaining({ kind: 'issue.published', issueId: issue.id })]);
    expect((await getDb().publishOutbox.findFirstOrThrow({ where: { issueId: issue.id } })).processedAt).not.toBeNull();
  });

  it('queues the side effects of publishing now too', async () => {
    const issue = await scheduledIssue();
    await publishIssueNow(approver, issue.id, { expectedVersion: issue.version });
    const { seen, handler } = recorder([issue.id]);
    await processOutbox([handler]);
    expect(seen.map((event) => event.kind)).toEqual(['issue.published']);
  });
});

describe('startScheduler', () => {
  it('catches up at start: an issue that fell due while the server was down is published, flagged late, its side effects run', async () => {
    const warnings = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    const issue = await scheduledIssue();
    // The server was down through the publish time.
    const missed = new Date(Date.now() - 20 * 60_000);
    await getDb().issue.update({ where: { id: issue.id }, data: { publishAt: missed } });
    const { seen, handler } = { seen: [] as number[], handler: (event: OutboxEvent) => void seen.push(event.issueId) };
    const unregister = registerPublishHook(handler);
    try {
      const stop = startScheduler({ intervalMs: 3600_000 });
      expect(startScheduler()).toBe(stop);
      await stop();
    } finally {
      unregister();
    }
    expect((await getDb().issue.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('PUBLISHED');
    expect((await publishedEvents(issue.id))[0]!.data).toMatchObject({ late: true });
    expect(seen).toContain(issue.id);
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('xuất bản trễ'), expect.objectContaining({ issueId: issue.id }));
  });
});
