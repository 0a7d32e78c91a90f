'use server';

import type { Outcome } from '@/lib/outcome';
import { runAction } from '@/server/outcome';
import { getIssuePagePlan, type IssuePagePlan } from '@/server/pdf/plan';
import { requireId } from '@/server/validation';

/**
 * For the composer: the print PDF's page count (and the 64-page limit) and each article's
 * first page, for the issue as it is saved now. Cheap enough to call after every reorder
 * (debounced): one layout in a PDF worker, remembered by content.
 */
export async function issuePagePlanAction(id: unknown): Promise<Outcome<IssuePagePlan>> {
  return runAction({ attempted: 'issue.pagePlan', entity: { type: 'issue', id }, done: '' }, (actor) =>
    getIssuePagePlan(actor, requireId(id, 'số bản tin')),
  );
}
