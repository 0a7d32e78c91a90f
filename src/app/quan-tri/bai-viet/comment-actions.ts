'use server';

import { addComment, setCommentResolved } from '@/server/comments/commands';
import { listComments } from '@/server/comments/queries';
import { runAction } from '@/server/outcome';
import { requireId } from '@/server/validation';
import type { Outcome } from '@/lib/outcome';
import type { CommentView } from '@/schemas/comment';

// The thread's server actions: each resolves the actor (runAction), hands the input to the
// comments module and answers the whole thread as it is now.

export async function addCommentAction(articleId: unknown, input: unknown): Promise<Outcome<CommentView[]>> {
  let inactive: string[] = [];
  return runAction(
    {
      attempted: 'article.comment',
      entity: { type: 'article', id: articleId },
      done: () =>
        inactive.length
          ? `Đã gửi bình luận. ${inactive.join(', ')} không còn hoạt động nên không nhận được thông báo.`
          : 'Đã gửi bình luận.',
    },
    async (actor) => {
      const id = requireId(articleId, 'bài viết');
      inactive = (await addComment(actor, id, input)).inactiveMentions;
      return listComments(actor, id);
    },
  );
}

export async function resolveCommentAction(commentId: unknown, resolved: unknown): Promise<Outcome<CommentView[]>> {
  return runAction(
    {
      attempted: 'article.comment.resolve',
      entity: { type: 'article', id: null },
      done: resolved === true ? 'Đã đánh dấu bình luận là đã giải quyết.' : 'Đã mở lại bình luận.',
    },
    async (actor) => {
      const { articleId } = await setCommentResolved(actor, requireId(commentId, 'bình luận'), { resolved });
      return listComments(actor, articleId);
    },
  );
}
