import type { Outcome } from '@/lib/outcome';

// The state of a form whose server action answers an Outcome (src/server/outcome.ts runAction).

export type FormState = Outcome<unknown> | null;

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const fieldErrorsOf = (state: FormState): Record<string, string> => (state && !state.ok ? (state.fieldErrors ?? {}) : {});

/** What was typed before a refusal, so the form shows it again. */
export const typedValuesOf = (state: FormState): Record<string, string> => (state && !state.ok ? (state.values ?? {}) : {});
