'use client';

import { useRouter } from 'next/navigation';
import type { InputHTMLAttributes } from 'react';
import type { FormState } from './form-state';
import { Field } from '@/components/admin/field';
import { OutcomeRegions } from '@/components/admin/form-outcome';

// Pieces shared by the issue and settings forms.

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'defaultValue'> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string | number | null;
};

/** A labelled input with its hint and its error, both tied to it by aria-describedby. */
export function TextField({ id, label, error, hint, defaultValue, ...input }: TextFieldProps) {
  const describedBy = [hint && `${id}-goi-y`, error && `${id}-loi`].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} defaultValue={defaultValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </Field>
  );
}

/** What the last submission did; a conflict offers to load the current version. */
export function FormOutcome({ state, onReload }: { state: FormState; onReload?: () => void }) {
  const router = useRouter();
  return (
    <OutcomeRegions state={state}>
      {state?.isConflict ? (
        <button type="button" className="admin-button" onClick={onReload ?? (() => router.refresh())}>
          Tải lại
        </button>
      ) : null}
    </OutcomeRegions>
  );
}
