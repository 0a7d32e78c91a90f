import { beforeAll, describe, expect, it } from 'vitest';
import { approveArticle, publishArticle, submitArticle, unpublishArticle } from '@/server/articles/workflow';
import { findPublicArticle } from '@/server/articles/queries';
import type { Actor } from '@/server/auth/session';
import { listComments } from '@/server/comments/queries';
import { getDb } from '@/server/db/client';
import { getIssueView, listPublicIssues } from '@/server/issues/queries';
import { publishIssueNow } from '@/server/issues/release';
import { issuePdfKey } from '@/server/pdf/cache';
import { ForbiddenError } from '@/server/permissions';
import { searchArticles } from '@/server/search/queries';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

// Unpublishing one article of a public issue: the article leaves every public view of the
// issue (page, table of contents, PDF, search), the issue stays public, the reason is kept.

let editor: Actor;
let approver: Actor;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

describe('unpublishing one article', () => {
  it('takes it out of its public issue, renumbers the contents, changes the PDF, and keeps the reason', async () => {
    const publication = await createPublication();
    const issue = await createDraftIssue(approver, publication.id);
    const stamp = Date.now();
    const [kept, removed] = await approvedArticles([`Bài giữ lại ${stamp}`, `Bài gỡ riêng zqxjvw ${stamp}`]);
    const placed = await placeArticles(approver, issue, issue.sections[1]!.id, [removed!.id, kept!.id]);
    await publishIssueNow(approver, issue.id, { expectedVersion: placed.version, acknowledgedWarnings: true });
    const before = (await getIssueView({ id: issue.id }, { visibility: 'public' }))!;
    expect(before.sections[1]!.articles.map((a) => [a.tocNumber, a.id])).toEqual([
      [1, removed!.id],
      [2, kept!.id],
    ]);
    expect((await searchArticles({ query: 'zqxjvw' })).total).toBe(1);

    expect(
      await unpublishArticle(editor, removed!.id, { expectedVersion: 1, reason: 'Sai số liệu.' }).catch((e: unknown) => e),
    ).toBeInstanceOf(ForbiddenError);
    const result = await unpublishArticle(approver, removed!.id, { expectedVersion: 1, reason: 'Sai số liệu, chờ sở xác nhận.' });
    expect(result.status).toBe('DRAFT');

    const after = (await getIssueView({ id: issue.id }, { visibility: 'public' }))!;
    expect(after.sections[1]!.articles.map((a) => [a.tocNumber, a.id])).toEqual([[1, kept!.id]]);
    expect(issuePdfKey(after)).not.toBe(issuePdfKey(before));
    expect((await listPublicIssues()).find((summary) => summary.id === issue.id)?.articleCount).toBe(1);
    expect(await findPublicArticle(removed!.slug)).toBeNull();
    expect((await searchArticles({ query: 'zqxjvw' })).total).toBe(0);
    // Still in the issue for the editors, and the issue's pages and PDF are refreshed.
    expect((await getIssueView({ id: issue.id }, { visibility: 'editorial' }))!.sections[1]!.articles).toHaveLength(2);
    expect(await getDb().publishOutbox.count({ where: { issueId: issue.id, kind: 'issue.changed' } })).toBe(1);

    // Approved again while its issue is public, it waits for "Xuất bản" to come back.
    await submitArticle(editor, removed!.id, { expectedVersion: 1 });
    await approveArticle(approver, removed!.id, { expectedVersion: 1 });
    expect(await findPublicArticle(removed!.slug)).toBeNull();
    expect((await getIssueView({ id: issue.id }, { visibility: 'public' }))!.sections[1]!.articles).toHaveLength(1);
    await publishArticle(approver, removed!.id, { expectedVersion: 1 });
    expect((await getIssueView({ id: issue.id }, { visibility: 'public' }))!.sections[1]!.articles.map((a) => a.id)).toEqual([
      removed!.id,
      kept!.id,
    ]);

    const [reason] = await listComments(editor, removed!.id);
    expect(reason).toMatchObject({ kind: 'UNPUBLISH', body: 'Sai số liệu, chờ sở xác nhận.', author: 'Trần Văn Duyệt' });
    expect(await getDb().auditEvent.findFirst({ where: { entityId: String(removed!.id), action: 'article.unpublished' } })).toMatchObject({
      data: expect.objectContaining({ reason: 'Sai số liệu, chờ sở xác nhận.' }),
    });
  });
});
