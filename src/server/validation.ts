import 'server-only';
import type { z } from 'zod';
import { NotFoundError, ValidationError } from './errors';
import { parseId } from '@/lib/route-params';

/**
 * Parses untrusted input with a strict schema; on failure throws ValidationError with one
 * Vietnamese message per field, and names any field the schema does not allow.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  let hasUnknownKeys = false;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      hasUnknownKeys = true;
      for (const key of issue.keys) fieldErrors[key] = 'Trường không được phép.';
    } else {
      fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    }
  }
  throw new ValidationError(
    hasUnknownKeys ? 'Yêu cầu có trường không được phép.' : 'Vui lòng sửa các lỗi được đánh dấu.',
    fieldErrors,
    hasUnknownKeys,
  );
}

/** An id handed to an action or route; anything else is "not found", never an error page. */
export function requireId(value: unknown, what: string): number {
  const id = parseId(value);
  if (id === null) throw new NotFoundError(`Không tìm thấy ${what}.`);
  return id;
}
