import type { Outcome } from '@/lib/outcome';

// The state of a form whose server action answers an Outcome (src/server/outcome.ts runAction).

export type FormState = Outcome<unknown> | null;

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const fieldErrorsOf = (state: FormState): Record<string, string> => (state && !state.ok ? (state.fieldErrors ?? {}) : {});

/** What was typed before a refusal, so the form shows it again. */
export const typedValuesOf = (state: FormState): Record<string, string> => (state && !state.ok ? (state.values ?? {}) : {});

/**
 * Submits a form with controlled fields to its action without React's automatic form reset,
 * which puts every field back to its first value (a <select> even while React still holds the
 * new one). The form keeps `action` too, so it still works before the page's script runs.
 */
export function submitWithoutReset(dispatch: (formData: FormData) => void, startTransition: (work: () => void) => void) {
  return (event: { preventDefault: () => void; currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
