'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/admin/form-state';
import { createFromStaged } from '@/server/import/review-session';
import { runAction } from '@/server/outcome';
import { parseInput } from '@/server/validation';

// "Tạo số" on the import review screen: the staged upload's token, the editor's changes and
// where the articles go. The domain command validates the changes and the target itself.
const createForm = z.strictObject({
  token: z.string().regex(/^[a-f0-9]{32}$/),
  edits: z.array(z.unknown()).max(1000),
  target: z.record(z.string(), z.unknown()),
});

export async function createImportedIssueAction(input: unknown): Promise<FormState> {
  const outcome = await runAction({ attempted: 'issue.import', entity: { type: 'issue' }, done: 'Đã tạo số từ bản tin nhập.' }, (actor) =>
    createFromStaged(actor, parseInput(createForm, input)),
  );
  if (!outcome.ok) return outcome;
  revalidatePath('/quan-tri/ban-tin');
  redirect(`/quan-tri/ban-tin/${outcome.data.issueId}`);
}
