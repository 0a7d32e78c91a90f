import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import type { Actor } from '@/server/auth/session';
import { getCalendar } from '@/server/calendar/queries';
import { getDb } from '@/server/db/client';
import { createIssue } from '@/server/issues/numbering';
import { vietnamTime } from '@/lib/dates';
import { actorFor } from '../../../factories/users';

// "Lịch": issues by their period and publishing day (Asia/Ho_Chi_Minh), articles still to be
// approved by their issue's day, and the next issue the cadence proposes.

let editor: Actor;
let approver: Actor;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

describe('getCalendar', () => {
  it('places a scheduled issue, its period and an article due for it on their days', async () => {
    const publication = await getDb().publication.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const issue = await createIssue(approver, {
      publicationId: publication.id,
      number: 18,
      year: 2025,
      periodStart: '2025-10-27',
      periodEnd: '2025-11-09',
    });
    const article = await createArticle(editor, { title: 'Bài cho Số 18', body: { type: 'doc', content: [] }, tags: [] });
    await getDb().articlePlacement.create({
      data: {
        articleId: article.id,
        sectionId: (await getDb().issueSection.findFirstOrThrow({ where: { issueId: issue.id } })).id,
        position: 0,
      },
    });
    // 00:30 on 10/11 in Vietnam is still 9/11 in UTC: the day is Vietnam's.
    const publishAt = vietnamTime('2025-11-10', 0, 30);
    await getDb().issue.update({ where: { id: issue.id }, data: { status: 'SCHEDULED', publishAt } });

    const days = await getCalendar('2025-11-03', '2025-11-16', new Date('2025-11-01T00:00:00Z'));
    expect(days['2025-11-10']).toEqual(
      expect.arrayContaining([
        { kind: 'release', label: 'Số 18/2025 xuất bản', href: `/quan-tri/ban-tin/${issue.id}`, status: 'SCHEDULED', time: '00:30' },
        { kind: 'due', label: 'Cần duyệt cho Số 18/2025: “Bài cho Số 18”', href: `/quan-tri/bai-viet/${article.id}`, status: 'DRAFT' },
      ]),
    );
    expect(days['2025-11-09']).toContainEqual({ kind: 'period', label: 'Kỳ Số 18/2025', status: 'SCHEDULED' });
    expect(days['2025-11-09']?.some((entry) => entry.kind === 'release')).toBe(false);
    // The next issue of the two-week cadence follows Số 18's period.
    expect(days['2025-11-10']).toContainEqual({
      kind: 'issueStart',
      label: 'Số 19/2025 (dự kiến): kỳ 10–23/11/2025',
      href: '/quan-tri/ban-tin/moi',
      status: 'PROPOSED',
    });

    // Once approved, the article is no longer due.
    await getDb().article.update({ where: { id: article.id }, data: { status: 'APPROVED' } });
    expect((await getCalendar('2025-11-10', '2025-11-10'))['2025-11-10']?.some((entry) => entry.kind === 'due')).toBe(false);
  });
});
