import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/server/errors';
import { getIssueView } from '@/server/issues/queries';
import { getIssuePagePlan, PRESS_LAW_PAGE_LIMIT } from '@/server/pdf/plan';
import { renderIssuePdf } from '@/server/pdf/render';
import type { PermissionActor } from '@/server/permissions';
import { actorFor } from '../../../factories/users';
import { expectContentsToMatchPages, pdfInfo, writePdf } from './poppler';

let editor: PermissionActor;
beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
});

describe('getIssuePagePlan', () => {
  it('gives the composer the page count and the first page of every article, as the PDF prints them', async () => {
    const issue = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'editorial' }))!;
    const plan = await getIssuePagePlan(editor, issue.id);
    const pdf = await writePdf(await renderIssuePdf(issue));
    try {
      expect(plan.pageCount).toBe(Number((await pdfInfo(pdf.path)).Pages));
      const articles = issue.sections.flatMap((section) => section.articles);
      const contents = await expectContentsToMatchPages(pdf.path, articles);
      expect(plan.articles).toEqual(
        articles.map((article) => ({
          articleId: article.id,
          tocNumber: article.tocNumber,
          title: article.title,
          page: contents.get(article.id),
        })),
      );
      expect(plan).toMatchObject({ pageLimit: PRESS_LAW_PAGE_LIMIT, isOverLimit: false });
    } finally {
      await pdf.remove();
    }
  }, 180_000);

  it('answers "not found" for an issue that does not exist', async () => {
    await expect(getIssuePagePlan(editor, 987_654)).rejects.toBeInstanceOf(NotFoundError);
  });
});
