'use client';

import { useActionState } from 'react';
import { DateTimeField, TextField } from '@/components/admin/field';
import { FormOutcome } from '@/components/admin/form-outcome';
import { fieldErrorsOf, typedValuesOf, type FormAction as Action } from '@/components/admin/form-state';
type IssueRef = { id: number; version: number };

function IssueFields({ issue }: { issue: IssueRef }) {
  return (
    <>
      <input type="hidden" name="issueId" value={issue.id} />
      <input type="hidden" name="expectedVersion" value={issue.version} />
    </>
  );
}

/** "Lên lịch" at a time in Asia/Ho_Chi_Minh, or "Xuất bản" now; warnings must be acknowledged first. */
export function ReleaseForm({
  action,
  issue,
  defaultPublishAt,
  warningsId,
  canSchedule,
}: {
  action: Action;
  issue: IssueRef;
  defaultPublishAt: string;
  /** The id of the warning list, when there are warnings to acknowledge. */
  warningsId: string | null;
  canSchedule: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  const publishAt = typedValuesOf(state).publishAt ?? defaultPublishAt;
  return (
    <form action={formAction} className="admin-form" noValidate>
      <IssueFields issue={issue} />
      {canSchedule ? (
        <DateTimeField
          id="thoi-gian-xuat-ban"
          name="publishAt"
          label="Thời gian xuất bản"
          defaultValue={publishAt}
          error={errors.publishAt}
        />
      ) : null}
      {warningsId ? (
        <label className="release-acknowledge">
          <input type="checkbox" name="acknowledgedWarnings" aria-describedby={warningsId} /> Tôi đã xem các cảnh báo
        </label>
      ) : null}
      <div className="admin-form admin-form--inline">
        {canSchedule ? (
          <button
            type="submit"
            name="intent"
            value="schedule"
            className="admin-button admin-button--primary"
            disabled={isPending}
            aria-busy={isPending}
          >
            Lên lịch
          </button>
        ) : null}
        <button type="submit" name="intent" value="publish" className="admin-button" disabled={isPending} aria-busy={isPending}>
          Xuất bản
        </button>
      </div>
      <FormOutcome state={state} />
    </form>
  );
}

/** Back to draft, with the reason on record. */
export function UnpublishForm({ action, issue, label }: { action: Action; issue: IssueRef; label: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="admin-form" noValidate>
      <IssueFields issue={issue} />
      <TextField
        id="ly-do-go"
        name="reason"
        label="Lý do"
        defaultValue={typedValuesOf(state).reason ?? ''}
        error={errors.reason}
        required
        maxLength={2000}
      />
      <button type="submit" className="admin-button" disabled={isPending} aria-busy={isPending}>
        {label}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
