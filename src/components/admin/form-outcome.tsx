import type { ReactNode } from 'react';

/**
 * What a form's last submission did. Both live regions are always present so screen readers
 * announce what appears in them; `children` adds to a refusal (field errors, a reload button).
 */
export function OutcomeRegions({ state, children }: { state: { ok: boolean; message: string } | null; children?: ReactNode }) {
  return (
    <>
      <p role="status" className="form-outcome form-outcome--ok">
        {state?.ok ? state.message : null}
      </p>
      <div role="alert" className="form-outcome form-outcome--error">
        {state && !state.ok ? (
          <>
            <p>{state.message}</p>
            {children}
          </>
        ) : null}
      </div>
    </>
  );
}
