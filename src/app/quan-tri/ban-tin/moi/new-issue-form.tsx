'use client';

import { useActionState } from 'react';
import type { FormState } from '../form-state';
import { FormOutcome, TextField } from '../fields';

type Proposal = { number: number; year: number; periodStart: string; periodEnd: string };

export function NewIssueForm({
  action,
  publicationId,
  proposal,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  publicationId: number;
  proposal: Proposal;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  // After a refusal the form is rendered again with what was typed.
  const values = { ...proposal, ...(state && !state.ok ? state.values : {}) };
  return (
    // The server's messages are the Vietnamese ones; the browser's own checks would preempt them.
    <form action={formAction} className="admin-form" noValidate>
      <input type="hidden" name="publicationId" value={publicationId} />
      <div className="admin-form__grid">
        <TextField id="so-moi-so" name="number" label="Số" type="number" defaultValue={values.number} error={errors.number} required />
        <TextField id="so-moi-nam" name="year" label="Năm" type="number" defaultValue={values.year} error={errors.year} required />
        <TextField
          id="so-moi-tu-ngay"
          name="periodStart"
          label="Từ ngày"
          type="date"
          defaultValue={values.periodStart}
          error={errors.periodStart}
          required
        />
        <TextField
          id="so-moi-den-ngay"
          name="periodEnd"
          label="Đến ngày"
          type="date"
          defaultValue={values.periodEnd}
          error={errors.periodEnd}
          required
        />
      </div>
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        Lưu
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
