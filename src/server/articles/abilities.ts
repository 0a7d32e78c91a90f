import 'server-only';
import { can, type PermissionActor } from '../permissions';
import type { ArticleStatus } from '@/generated/prisma/enums';
import type { EditorAbilities } from '@/schemas/article';

type ArticleState = { authorId: number; status: ArticleStatus };

/**
 * Who may change an article's text in its current state: SPEC's "own drafts" and "others'
 * articles before approval", the author working on a submitted article (it stays in the
 * queue), and approvers correcting an approved or published one (through a pending revision
 * when it is live).
 */
export function canEditArticle(actor: PermissionActor, article: ArticleState): boolean {
  return (
    can(actor, 'article.editOwnDraft', article) ||
    can(actor, 'article.editOthersBeforeApproval', article) ||
    (article.authorId === actor.id && article.status === 'SUBMITTED' && can(actor, 'article.submit')) ||
    ((article.status === 'APPROVED' || article.status === 'PUBLISHED') && can(actor, 'article.approve'))
  );
}

/**
 * Which buttons the editor shows for this article. Only a convenience for the interface: each
 * command checks the same rules again (saveArticle's edit rule, the workflow's transitions).
 * With a pending revision, publishing or discarding it comes before any other step.
 */
export function editorAbilities(actor: PermissionActor, article: ArticleState & { hasPendingRevision?: boolean }): EditorAbilities {
  const edit = canEditArticle(actor, article);
  const pending = article.hasPendingRevision ?? false;
  return {
    edit,
    submit: !pending && article.status === 'DRAFT' && edit && can(actor, 'article.submit'),
    approve: !pending && article.status === 'SUBMITTED' && can(actor, 'article.approve'),
    return: !pending && (article.status === 'SUBMITTED' || article.status === 'APPROVED') && can(actor, 'article.return'),
    publish: !pending && article.status === 'APPROVED' && can(actor, 'article.publish'),
    publishRevision: pending && can(actor, 'article.publish'),
    unpublish: !pending && article.status === 'PUBLISHED' && can(actor, 'article.unpublish'),
  };
}
