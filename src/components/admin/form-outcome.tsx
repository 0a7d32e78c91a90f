'use client';

import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { FormState } from './form-state';

/**
 * What a form's last submission did. Both live regions are always present so screen readers
 * announce what appears in them; `children` adds to a refusal (field errors, a reload button).
 */
export function OutcomeRegions({ state, children }: { state: FormState; children?: ReactNode }) {
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

/** What the last submission did; after a conflict (someone else saved first) it offers "Tải lại". */
export function FormOutcome({ state, onReload }: { state: FormState; onReload?: () => void }) {
  const router = useRouter();
  return (
    <OutcomeRegions state={state}>
      {state && !state.ok && state.status === 409 && state.conflict !== undefined ? (
        <button type="button" className="admin-button" onClick={onReload ?? (() => router.refresh())}>
          Tải lại
        </button>
      ) : null}
    </OutcomeRegions>
  );
}
