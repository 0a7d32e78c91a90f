'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/server/auth/session';
import { createFromStaged } from '@/server/import/review-session';
import { INVALID_FORM, refusal, type FormState } from '../form-state';

// "Tạo số" on the import review screen: the staged upload's token, the editor's changes and
// where the articles go. The domain command validates the changes and the target itself.
const createForm = z.strictObject({
  token: z.string().regex(/^[a-f0-9]{32}$/),
  edits: z.array(z.unknown()).max(1000),
  target: z.record(z.string(), z.unknown()),
});

export async function createImportedIssueAction(input: unknown): Promise<FormState> {
  const parsed = createForm.safeParse(input);
  if (!parsed.success) return INVALID_FORM;
  let issueId: number;
  try {
    ({ issueId } = await createFromStaged(await requireActor(), parsed.data));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/quan-tri/ban-tin');
  redirect(`/quan-tri/ban-tin/${issueId}`);
}
