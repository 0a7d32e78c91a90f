import 'server-only';
import { AuthError } from '@/server/auth/errors';
import { ConflictError, NotFoundError, TransitionError, ValidationError } from '@/server/errors';
import { ForbiddenError } from '@/server/permissions';

// The answer of the issue and settings forms' server actions, and how a refused domain
// command becomes one. Anything else is a bug and is rethrown (the error page shows it).

export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Someone else saved first: the form offers "Tải lại". */
  isConflict?: boolean;
  /** What was typed, so a refused form keeps it. */
  values?: Record<string, string>;
} | null;

export const INVALID_FORM: FormState = { ok: false, message: 'Biểu mẫu gửi lên không hợp lệ. Vui lòng tải lại trang và thử lại.' };

export function refusal(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof ConflictError) return { ok: false, message: error.message, isConflict: true, values };
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof TransitionError || error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof AuthError) {
    return { ok: false, message: error.message, values };
  }
  throw error;
}
