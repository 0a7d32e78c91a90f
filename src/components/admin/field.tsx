import type { ReactNode } from 'react';

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
      {error ? (
        <p id={`${id}-loi`} className="admin-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
