import { z } from 'zod';

// Ids and other numbers that arrive as text (route parameters, form fields, action arguments)
// are input too: parsed here, in one place. Anything that is not a plausible value is refused.

const MAX_ID = 2_147_483_647;

/** A database id: a positive integer, as a number or as its decimal text. */
export const idSchema = z.union([
  z.number().int().min(1).max(MAX_ID),
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .pipe(z.number().max(MAX_ID)),
]);

/** A form field holding an id or a version (positive integer). */
export const idField = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'Giá trị không hợp lệ.')
  .transform(Number)
  .pipe(z.number().max(MAX_ID, 'Giá trị không hợp lệ.'));

/** A form field holding a whole number from 0: a position in a list (0 is the first), a version not yet saved. */
export const wholeNumberField = z
  .string()
  .regex(/^\d{1,9}$/, 'Giá trị không hợp lệ.')
  .transform(Number);

/** An id, or null for anything else (a route answers 404). */
export function parseId(value: unknown): number | null {
  const result = idSchema.safeParse(value);
  return result.success ? result.data : null;
}

// Route parameters are input too: anything that is not a plausible address is a 404.
const yearSchema = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));

export const issueAddressSchema = z.object({
  year: yearSchema,
  number: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
});

export type IssueAddress = z.infer<typeof issueAddressSchema>;

/** A year of the archive (/ban-tin/2024), or null. */
export function parseYear(value: string): number | null {
  const result = yearSchema.safeParse(value);
  return result.success ? result.data : null;
}

export function parseIssueAddress(params: { year: string; number: string }): IssueAddress | null {
  const result = issueAddressSchema.safeParse(params);
  return result.success ? result.data : null;
}

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);

export function parseSlug(value: string): string | null {
  const result = slugSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** `?trang=` as a page number: anything odd (negative, text, huge) becomes a valid page. */
export function parsePageParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const page = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1;
}
