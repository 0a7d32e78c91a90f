'use client';

import { useActionState, type ReactNode } from 'react';
import { fieldErrorsOf, typedValuesOf, type FormAction as Action, type FormState } from '@/components/admin/form-state';
import { Field } from '@/components/admin/field';
import { OutcomeRegions } from '@/components/admin/form-outcome';

function Outcome({ state, listFieldErrors }: { state: FormState; listFieldErrors: boolean }) {
  const fieldErrors = listFieldErrors && state && !state.ok ? Object.values(state.fieldErrors ?? {}) : [];
  return (
    <OutcomeRegions state={state}>
      {fieldErrors.length > 0 ? (
        <ul>
          {fieldErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </OutcomeRegions>
  );
}

/** A small form for one change on one account; its fields come from the server page. */
export function ActionForm({ action, submitLabel, children }: { action: Action; submitLabel: ReactNode; children: ReactNode }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="admin-form admin-form--inline" noValidate>
      {children}
      <button type="submit" className="admin-button" disabled={isPending} aria-busy={isPending}>
        {submitLabel}
      </button>
      <Outcome state={state} listFieldErrors />
    </form>
  );
}

type RoleOption = { value: string; label: string };

function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  return [hasHint ? `${id}-goi-y` : null, error ? `${id}-loi` : null].filter(Boolean).join(' ') || undefined;
}

export function CreateUserForm({ action, roles }: { action: Action; roles: RoleOption[] }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  // After a refusal the form is reset to these defaults, so what was typed stays.
  const values = typedValuesOf(state);
  return (
    <form action={formAction} className="admin-form" noValidate>
      <div className="admin-form__grid">
        <Field id="nguoi-moi-ten" label="Họ và tên" error={errors.name}>
          <input
            id="nguoi-moi-ten"
            name="name"
            aria-required="true"
            maxLength={120}
            autoComplete="off"
            defaultValue={values.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('nguoi-moi-ten', false, errors.name)}
          />
        </Field>
        <Field id="nguoi-moi-email" label="Email" error={errors.email}>
          <input
            id="nguoi-moi-email"
            name="email"
            type="email"
            aria-required="true"
            maxLength={254}
            autoComplete="off"
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('nguoi-moi-email', false, errors.email)}
          />
        </Field>
        <Field id="nguoi-moi-vai-tro" label="Vai trò" error={errors.role}>
          <select
            id="nguoi-moi-vai-tro"
            name="role"
            defaultValue={values.role ?? 'EDITOR'}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describedBy('nguoi-moi-vai-tro', false, errors.role)}
          >
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nguoi-moi-mat-khau" label="Mật khẩu ban đầu" hint="Ít nhất 10 ký tự, khó đoán." error={errors.password}>
          <input
            id="nguoi-moi-mat-khau"
            name="password"
            type="password"
            aria-required="true"
            maxLength={256}
            autoComplete="new-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy('nguoi-moi-mat-khau', true, errors.password)}
          />
        </Field>
      </div>
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        Tạo tài khoản
      </button>
      <Outcome state={state} listFieldErrors={false} />
    </form>
  );
}
