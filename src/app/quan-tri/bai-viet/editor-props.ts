import 'server-only';
import { notFound } from 'next/navigation';
import type { ArticleEditorProps } from '@/components/editor/article-editor';
import { editorAbilities } from '@/server/articles/abilities';
import { getEditableArticle, listFilterChoices } from '@/server/articles/editorial-queries';
import { NotFoundError } from '@/server/errors';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import type { PermissionActor } from '@/server/permissions';
import { parseId } from '@/lib/route-params';
import { abilityKey, ARTICLE_STATUSES } from '@/schemas/article';
import { createArticleAction, loadArticleAction, saveArticleAction, workflowAction } from './actions';
import { addCommentAction, resolveCommentAction } from './comment-actions';
import { listColleagues, listComments } from '@/server/comments/queries';
import { COMMENTS_ANCHOR } from '@/server/notifications/messages';
import type { CommentActions } from '@/schemas/comment';

// What the article pages hand the editor besides the article itself.

/** The server actions the editor calls (components never import routes themselves). */
export const editorActions: ArticleEditorProps['actions'] = {
  create: createArticleAction,
  save: saveArticleAction,
  step: workflowAction,
  load: loadArticleAction,
};

const commentActions: CommentActions = { add: addCommentAction, resolve: resolveCommentAction };

/** The article's thread as this person sees it, and what the thread needs to write in it. */
export async function commentsContext(actor: PermissionActor, articleId: number) {
  const [initial, colleagues] = await Promise.all([listComments(actor, articleId), listColleagues()]);
  return { initial, colleagues, actions: commentActions, anchor: COMMENTS_ANCHOR };
}

/** Buttons per state for this person, status labels, and the tags to suggest. */
export async function editorContext(actor: PermissionActor, authorId: number) {
  const { tags } = await listFilterChoices();
  const states = ARTICLE_STATUSES.flatMap((status) => [false, true].map((hasPendingRevision) => ({ status, hasPendingRevision })));
  return {
    actions: editorActions,
    abilitiesByState: Object.fromEntries(
      states.map((state) => [abilityKey(state.status, state.hasPendingRevision), editorAbilities(actor, { authorId, ...state })]),
    ),
    statusLabels: ARTICLE_STATUS_LABELS,
    knownTags: tags.map((tag) => tag.name),
  };
}

/** A numeric route parameter (`[id]`, `[version]`), or a 404. */
export function routeId(raw: string): number {
  return parseId(raw) ?? notFound();
}

/** An article for an editorial page; a missing one is a 404. */
export async function loadArticleOr404(id: number) {
  try {
    return await getEditableArticle(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
