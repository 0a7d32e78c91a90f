import { z } from 'zod';

// Route parameters are input too: anything that is not a plausible issue address is a 404.
export const issueAddressSchema = z.object({
  year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)),
  number: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().int().min(1)),
});

export type IssueAddress = z.infer<typeof issueAddressSchema>;

export function parseIssueAddress(params: { year: string; number: string }): IssueAddress | null {
  const result = issueAddressSchema.safeParse(params);
  return result.success ? result.data : null;
}
