import 'server-only';
import { can, type PermissionActor } from '../permissions';
import type { ArticleStatus } from '@/generated/prisma/enums';

export type EditorAbilities = {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  publish: boolean;
};

type ArticleState = { authorId: number; status: ArticleStatus };

/**
 * Who may change an article's text in its current state: SPEC's "own drafts" and "others'
 * articles before approval", the author taking back a submitted article, and approvers
 * correcting an approved or published one (kept as a revision).
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
 */
export function editorAbilities(actor: PermissionActor, article: ArticleState): EditorAbilities {
  const edit = canEditArticle(actor, article);
  return {
    edit,
    submit: article.status === 'DRAFT' && edit && can(actor, 'article.submit'),
    approve: article.status === 'SUBMITTED' && can(actor, 'article.approve'),
    return: (article.status === 'SUBMITTED' || article.status === 'APPROVED') && can(actor, 'article.return'),
    publish: article.status === 'APPROVED' && can(actor, 'article.publish'),
  };
}
