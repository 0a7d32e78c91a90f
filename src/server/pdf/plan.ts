import 'server-only';
import { NotFoundError } from '@/server/errors';
import { getIssueView } from '@/server/issues/queries';
import { assertCan, type PermissionActor } from '@/server/permissions';
import { issuePdfKey } from './cache';
import { planIssuePdf } from './render';
import type { IssuePagePlan } from '@/schemas/issue';

export type { IssuePagePlan };

/** Luật Báo chí 2016, art. 34: a licensed bản tin has at most 64 pages. */
export const PRESS_LAW_PAGE_LIMIT = 64;
/** The composer asks again after each change: an answer slower than this is not worth waiting for. */
const PLAN_TIME_LIMIT_MS = 20_000;
/** Layouts remembered by content; the composer asks again for the same order often. */
const REMEMBERED = 50;

const remembered = new Map<string, Promise<IssuePagePlan>>();

/**
 * How many pages the issue's print PDF has now, and the page each article starts on, for the
 * composer to show as the editor reorders: one layout in a PDF worker (no drawing, images by
 * size only), the same layout the PDF gets. Drafts included: this is the editorial view.
 */
export async function getIssuePagePlan(actor: PermissionActor, issueId: number): Promise<IssuePagePlan> {
  assertCan(actor, 'issue.compose');
  const issue = await getIssueView({ id: issueId }, { visibility: 'editorial' });
  if (!issue) throw new NotFoundError('Không tìm thấy số bản tin.');
  const key = issuePdfKey(issue);
  let plan = remembered.get(key);
  if (!plan) {
    plan = planIssuePdf(issue, { timeLimitMs: PLAN_TIME_LIMIT_MS }).then(({ pageCount, articles }) => {
      const pages = new Map(articles.map(({ articleId, page }) => [articleId, page]));
      return {
        pageCount,
        pageLimit: PRESS_LAW_PAGE_LIMIT,
        isOverLimit: pageCount > PRESS_LAW_PAGE_LIMIT,
        articles: issue.sections.flatMap((section) =>
          section.articles.map((article) => ({
            articleId: article.id,
            tocNumber: article.tocNumber,
            title: article.title,
            page: pages.get(article.id)!,
          })),
        ),
      };
    });
    remembered.set(key, plan);
    plan.catch(() => remembered.delete(key));
    // Oldest first out: a Map keeps insertion order.
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }
  return plan;
}
