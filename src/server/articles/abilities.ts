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

/**
 * Which buttons the editor shows for this article. Only a convenience for the interface: each
 * command checks the same rules again (saveArticle's edit rule, the workflow's transitions).
 */
export function editorAbilities(actor: PermissionActor, article: { authorId: number; status: ArticleStatus }): EditorAbilities {
  const own = article.authorId === actor.id;
  const edit =
    can(actor, 'article.editOwnDraft', article) ||
    can(actor, 'article.editOthersBeforeApproval', article) ||
    (own && article.status === 'SUBMITTED' && can(actor, 'article.submit')) ||
    (['APPROVED', 'PUBLISHED'].includes(article.status) && can(actor, 'article.approve'));
  return {
    edit,
    submit: article.status === 'DRAFT' && edit && can(actor, 'article.submit'),
    approve: article.status === 'SUBMITTED' && can(actor, 'article.approve'),
    return: (article.status === 'SUBMITTED' || article.status === 'APPROVED') && can(actor, 'article.return'),
    publish: article.status === 'APPROVED' && can(actor, 'article.publish'),
  };
}
