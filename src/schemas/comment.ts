import { z } from 'zod';
import type { Outcome } from '@/lib/outcome';
import { multilineText } from './text';

// Comments on an article ("Bình luận"): the same limits and messages in the form and the server.

export const COMMENT_MAX = 5000;
export const QUOTE_MAX = 1000;

export const commentBodySchema = multilineText(
  z.string().min(1, 'Cần nhập nội dung bình luận.').max(COMMENT_MAX, `Bình luận tối đa ${COMMENT_MAX} ký tự.`),
  'Cần nhập nội dung bình luận.',
);

export const addCommentSchema = z.strictObject({
  body: commentBodySchema,
  quote: multilineText(z.string().max(QUOTE_MAX, `Đoạn trích tối đa ${QUOTE_MAX} ký tự.`))
    .optional()
    .transform((value) => value || null),
});

export const resolveCommentSchema = z.strictObject({ resolved: z.boolean() });

export type CommentKindCode = 'NOTE' | 'RETURN' | 'UNPUBLISH';

/** A comment as the thread shows it. Dates travel as ISO strings. */
export type CommentView = {
  id: number;
  kind: CommentKindCode;
  author: string | null;
  body: string;
  quote: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** Whether the viewer may resolve or reopen it. */
  canResolve: boolean;
};

/** A colleague who can be mentioned with "@Tên". */
export type Colleague = { id: number; name: string };

/**
 * The active colleagues a text mentions: "@" then their whole name (names have spaces, so the
 * longest name that fits wins; "@Nguyễn Văn An" is not "@Nguyễn Văn A").
 */
export function mentionedIn<T extends { name: string }>(text: string, people: readonly T[]): T[] {
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  const found: T[] = [];
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    const rest = lower.slice(at + 1);
    const person = byLength.find((candidate) => {
      const name = candidate.name.normalize('NFC').toLocaleLowerCase('vi');
      return rest.startsWith(name) && !/[\p{L}\p{N}]/u.test(rest.charAt(name.length));
    });
    if (person && !found.includes(person)) found.push(person);
  }
  return found;
}

/** The server actions the thread calls (handed to it by the page); each answers the whole thread. */
export type CommentActions = {
  add: (articleId: number, input: unknown) => Promise<Outcome<CommentView[]>>;
  resolve: (commentId: number, resolved: boolean) => Promise<Outcome<CommentView[]>>;
};
