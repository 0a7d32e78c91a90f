import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/server/db/client';
import { prerenderIssuePdf } from '@/server/publishing/pdf-prerender';

describe('prerenderIssuePdf', () => {
  it('stores the PDF of a published issue ahead of its first reader', async () => {
    const issue = await getDb().issue.findFirstOrThrow({ where: { year: 2025, number: 8 } });
    const stored = await prerenderIssuePdf({ id: 1, kind: 'issue.published', issueId: issue.id });
    expect(stored).not.toBeNull();
    expect(existsSync(stored!.path)).toBe(true);
    expect(stored!.size).toBeGreaterThan(10_000);
  });

  it('renders nothing for an issue that is not public', async () => {
    const issue = await getDb().issue.findFirstOrThrow({ where: { year: 2025, number: 8 } });
    await getDb().issue.update({ where: { id: issue.id }, data: { status: 'DRAFT', publishAt: null } });
    expect(await prerenderIssuePdf({ id: 2, kind: 'issue.published', issueId: issue.id })).toBeNull();
    expect(await prerenderIssuePdf({ id: 3, kind: 'issue.unpublished', issueId: issue.id })).toBeNull();
  });
});
