'use client';

import { useActionState } from 'react';
import { DateField, TextField } from '@/components/admin/field';
import { FormOutcome } from '@/components/admin/form-outcome';
import { fieldErrorsOf, typedValuesOf, type FormAction } from '@/components/admin/form-state';
import { formatCalendarDate, parseCalendarDate } from '@/lib/dates';

type Proposal = { number: number; year: number; periodStart: string; periodEnd: string };

export function NewIssueForm({ action, publicationId, proposal }: { action: FormAction; publicationId: number; proposal: Proposal }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  // After a refusal the form is rendered again with what was typed.
  const proposed = {
    number: String(proposal.number),
    year: String(proposal.year),
    periodStart: formatCalendarDate(parseCalendarDate(proposal.periodStart)),
    periodEnd: formatCalendarDate(parseCalendarDate(proposal.periodEnd)),
  };
  const values = { ...proposed, ...typedValuesOf(state) };
  return (
    // The server's messages are the Vietnamese ones; the browser's own checks would preempt them.
    <form action={formAction} className="admin-form" noValidate>
      <input type="hidden" name="publicationId" value={publicationId} />
      <div className="admin-form__grid">
        <TextField
          id="so-moi-so"
          name="number"
          label="Số"
          inputMode="numeric"
          defaultValue={values.number}
          error={errors.number}
          required
        />
        <TextField id="so-moi-nam" name="year" label="Năm" inputMode="numeric" defaultValue={values.year} error={errors.year} required />
        <DateField
          id="so-moi-tu-ngay"
          name="periodStart"
          label="Từ ngày"
          defaultValue={values.periodStart}
          error={errors.periodStart}
          required
        />
        <DateField
          id="so-moi-den-ngay"
          name="periodEnd"
          label="Đến ngày"
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
