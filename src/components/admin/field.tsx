'use client';

import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * A labelled control with its hint and its error underneath; the control refers to them with
 * aria-describedby `${id}-goi-y` and `${id}-loi`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p id={`${id}-goi-y`} className="admin-field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error, where its control's aria-describedby (`${id}-loi`) points. */
function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-loi`} className="admin-field__error">
      {error}
    </p>
  ) : null;
}

export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-goi-y`, error && `${id}-loi`].filter(Boolean).join(' ') || undefined;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'defaultValue'> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  defaultValue?: string | number | null;
};

/**
 * A labelled input with its hint and its error. `required` is said to assistive technology
 * only: the server's Vietnamese messages speak, not the browser's own (English) checks.
 */
export function TextField({ id, label, error, hint, defaultValue, required, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        defaultValue={defaultValue ?? ''}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Field>
  );
}

/** A date typed as the office writes it (dd/mm/yyyy), whatever the browser's language. */
export function DateField(props: Omit<TextFieldProps, 'type'>) {
  return <TextField inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" maxLength={10} hint="Dạng dd/mm/yyyy." {...props} />;
}

/** A date and a 24-hour time (dd/mm/yyyy hh:mm), Vietnam time. */
export function DateTimeField(props: Omit<TextFieldProps, 'type'>) {
  return (
    <TextField
      inputMode="numeric"
      placeholder="dd/mm/yyyy hh:mm"
      autoComplete="off"
      maxLength={16}
      hint="Dạng dd/mm/yyyy hh:mm, giờ Việt Nam, 24 giờ."
      {...props}
    />
  );
}

/** A file picker whose button and chosen name read in Vietnamese (the native one says "Choose File"). */
export function FileField({ label, name, accept, error }: { label: string; name: string; accept: string; error?: string }) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="admin-field file-field">
      <span id={`${id}-nhan`}>{label}</span>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        className="visually-hidden"
        aria-labelledby={`${id}-nhan`}
        aria-describedby={`${id}-ten${error ? ` ${id}-loi` : ''}`}
        onChange={(event) => setChosen(event.target.files?.[0]?.name ?? null)}
      />
      <label htmlFor={id} className="admin-button file-field__button">
        Chọn tệp…
      </label>
      <span id={`${id}-ten`} className="file-field__name">
        {chosen ?? 'Chưa chọn tệp nào.'}
      </span>
      <FieldError id={id} error={error} />
    </div>
  );
}
