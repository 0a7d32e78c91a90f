import { describe, expect, it } from 'vitest';
import { getIssueView, listPublicIssueYears, listPublicIssues } from '@/server/issues/queries';
import { getDb } from '@/server/db/client';
import { readDemoIssues } from '@/server/demo/demo-data';

describe('getIssueView', () => {
  it('returns Số 17 with both sections and every article in the bulletin order', async () => {
    const demo = (await readDemoIssues()).find((issue) => issue.number === 17)!;
    const issue = await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' });
    expect(issue).not.toBeNull();
    expect(issue!.sections.map((s) => s.title)).toEqual(['Thông tin CCHC của Trung ương', 'Thông tin CCHC của tỉnh']);
    expect(issue!.sections.map((s) => s.articles.map((a) => a.title))).toEqual(demo.sections.map((s) => s.articles.map((a) => a.title)));
    const numbers = issue!.sections.flatMap((s) => s.articles.map((a) => a.tocNumber));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('keeps a draft issue away from the public but shows it to editors', async () => {
    const db = getDb();
    const publication = await db.publication.findFirstOrThrow();
    const draft = await db.issue.create({
      data: {
        publicationId: publication.id,
        number: 18,
        year: 2025,
        periodStart: new Date('2025-10-27'),
        periodEnd: new Date('2025-11-09'),
      },
    });
    expect(await getIssueView({ year: 2025, number: 18 }, { visibility: 'public' })).toBeNull();
    expect((await getIssueView({ id: draft.id }, { visibility: 'editorial' }))?.number).toBe(18);
    expect((await listPublicIssues()).map((i) => i.number)).toEqual([17, 8]);
  });

  it('shows a scheduled issue only from its publish time', async () => {
    const db = getDb();
    const publication = await db.publication.findFirstOrThrow();
    const publishAt = new Date('2030-01-05T01:00:00Z');
    await db.issue.create({
      data: {
        publicationId: publication.id,
        number: 1,
        year: 2030,
        status: 'SCHEDULED',
        publishAt,
        periodStart: new Date('2029-12-29'),
        periodEnd: new Date('2030-01-04'),
      },
    });
    const before = new Date(publishAt.getTime() - 1000);
    expect(await getIssueView({ year: 2030, number: 1 }, { visibility: 'public', now: before })).toBeNull();
    expect(await getIssueView({ year: 2030, number: 1 }, { visibility: 'public', now: publishAt })).not.toBeNull();
  });
});

describe('the archive by year', () => {
  it('indexes only years with public issues, newest first, and lists one year newest first', async () => {
    const db = getDb();
    const publication = await db.publication.findFirstOrThrow();
    const now = new Date('2029-06-01T00:00:00Z');
    const issue = (year: number, number: number, status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED', publishAt: Date | null) => ({
      publicationId: publication.id,
      year,
      number,
      status,
      publishAt,
      periodStart: new Date(Date.UTC(year, 0, number)),
      periodEnd: new Date(Date.UTC(year, 0, number)),
    });
    await db.issue.createMany({
      data: [
        issue(2023, 1, 'PUBLISHED', new Date('2023-01-10T00:00:00Z')),
        issue(2023, 2, 'SCHEDULED', new Date('2023-02-10T00:00:00Z')),
        issue(2023, 3, 'DRAFT', null),
        issue(2029, 1, 'SCHEDULED', new Date('2029-07-01T00:00:00Z')),
        issue(2032, 1, 'DRAFT', null),
      ],
    });
    expect(await listPublicIssueYears(now)).toEqual([
      { year: 2025, issueCount: 2 },
      { year: 2023, issueCount: 2 },
    ]);
    expect((await listPublicIssues({ year: 2023, now })).map((i) => i.number)).toEqual([2, 1]);
    expect((await listPublicIssues({ year: 2025, now })).map((i) => i.number)).toEqual([17, 8]);
    expect(await listPublicIssues({ year: 2029, now })).toEqual([]);
    // The scheduled issue of 2029 joins the index at its time.
    expect((await listPublicIssueYears(new Date('2029-07-01T00:00:00Z'))).map((y) => y.year)).toEqual([2029, 2025, 2023]);
  });
});
