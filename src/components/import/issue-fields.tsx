'use client';

import type { InputHTMLAttributes } from 'react';
import { Field } from '@/components/admin/field';

// Where the imported articles go: a new issue (number, year, period, taken from the file and
// editable), an existing draft issue, or for a back issue also its publication date.

export type DraftIssueOption = { id: number; label: string; version: number };
export type TargetValues = {
  kind: 'new' | 'existing' | 'archive';
  number: string;
  year: string;
  periodStart: string;
  periodEnd: string;
  publishedOn: string;
  issueId: string;
};

type Props = {
  values: TargetValues;
  onChange: (values: TargetValues) => void;
  drafts: DraftIssueOption[];
  numberTaken: boolean;
  fieldErrors: Record<string, string>;
};

/** A labelled input with its error, through the editorial area's one field component. */
function Input({ id, label, error, ...rest }: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} error={error}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-loi` : undefined} {...rest} />
    </Field>
  );
}

export function IssueFields({ values, onChange, drafts, numberTaken, fieldErrors }: Props) {
  const set = (key: keyof TargetValues) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });
  const isArchive = values.kind === 'archive';
  return (
    <fieldset className="import-target">
      <legend>{isArchive ? 'Số cũ' : 'Nhập vào'}</legend>
      {isArchive ? null : (
        <div className="import-target__choice" role="radiogroup" aria-label="Nhập vào">
          <label>
            <input type="radio" name="kind" checked={values.kind === 'new'} onChange={() => onChange({ ...values, kind: 'new' })} /> Số mới
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={values.kind === 'existing'}
              disabled={drafts.length === 0}
              onChange={() => onChange({ ...values, kind: 'existing', issueId: values.issueId || String(drafts[0]?.id ?? '') })}
            />{' '}
            Thêm vào số nháp
          </label>
        </div>
      )}
      {values.kind === 'existing' ? (
        <div className="admin-field">
          <label htmlFor="nhap-so-nhap">Số nháp</label>
          <select id="nhap-so-nhap" value={values.issueId} onChange={set('issueId')}>
            {drafts.map((draft) => (
              <option key={draft.id} value={draft.id}>
                {draft.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="admin-form__grid">
          <Input
            id="nhap-so"
            label="Số"
            inputMode="numeric"
            value={values.number}
            onChange={set('number')}
            error={fieldErrors.number ?? (numberTaken ? 'Số này đã có trong năm; hãy chọn số khác.' : undefined)}
          />
          <Input id="nhap-nam" label="Năm" inputMode="numeric" value={values.year} onChange={set('year')} error={fieldErrors.year} />
          <Input
            id="nhap-tu-ngay"
            label="Từ ngày"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={values.periodStart}
            onChange={set('periodStart')}
            error={fieldErrors.periodStart}
          />
          <Input
            id="nhap-den-ngay"
            label="Đến ngày"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={values.periodEnd}
            onChange={set('periodEnd')}
            error={fieldErrors.periodEnd}
          />
          {isArchive ? (
            <Input
              id="nhap-ngay-phat-hanh"
              label="Ngày phát hành"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              value={values.publishedOn}
              onChange={set('publishedOn')}
              error={fieldErrors.publishedOn}
            />
          ) : null}
        </div>
      )}
    </fieldset>
  );
}

/** The values as the domain command takes them. */
export function targetInput(values: TargetValues, drafts: DraftIssueOption[]): Record<string, unknown> {
  if (values.kind === 'existing') {
    const draft = drafts.find((candidate) => String(candidate.id) === values.issueId);
    return { kind: 'existing', issueId: Number(values.issueId), expectedVersion: draft?.version ?? 0 };
  }
  const common = { number: Number(values.number), year: Number(values.year), periodStart: values.periodStart, periodEnd: values.periodEnd };
  return values.kind === 'archive' ? { kind: 'archive', ...common, publishedOn: values.publishedOn } : { kind: 'new', ...common };
}
