// What a server action answers, on the server and in the form that shows it. A refusal carries
// what the person can act on: a message, errors per field, what they typed (never a password)
// and, after a conflict, the newer state.

export type Refusal = {
  ok: false;
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
  conflict?: unknown;
  values?: Record<string, string>;
};

export type Success<T = undefined> = { ok: true; message: string; data: T };

export type Outcome<T = undefined> = Success<T> | Refusal;

export const isConflict = (outcome: Outcome<unknown> | null): boolean => outcome?.ok === false && outcome.status === 409;
