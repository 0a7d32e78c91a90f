'use server';

import { z } from 'zod';
import { AuthError } from '@/server/auth/errors';
import { requireActor } from '@/server/auth/session';
import { NotFoundError, PdfFailedError, PdfUnavailableError } from '@/server/errors';
import { getIssuePagePlan, type IssuePagePlan } from '@/server/pdf/plan';
import { ForbiddenError } from '@/server/permissions';

const issueId = z.number().int().positive().max(999_999_999);

export type PagePlanAnswer = { ok: true; plan: IssuePagePlan } | { ok: false; message: string };

/**
 * For the composer: the print PDF's page count (and the 64-page limit) and each article's
 * first page, for the issue as it is saved now. Cheap enough to call after every reorder
 * (debounced): one layout in a PDF worker, remembered by content.
 */
export async function issuePagePlanAction(id: unknown): Promise<PagePlanAnswer> {
  const parsed = issueId.safeParse(id);
  if (!parsed.success) return { ok: false, message: 'Mã số bản tin không hợp lệ.' };
  try {
    return { ok: true, plan: await getIssuePagePlan(await requireActor(), parsed.data) };
  } catch (error) {
    if (
      error instanceof AuthError ||
      error instanceof NotFoundError ||
      error instanceof ForbiddenError ||
      error instanceof PdfFailedError ||
      error instanceof PdfUnavailableError
    ) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
