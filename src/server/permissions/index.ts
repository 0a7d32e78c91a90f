import 'server-only';
import type { ArticleStatus, Role } from '@/generated/prisma/enums';
import { AuthError, DomainError } from '../errors';

// SPEC.md's roles table, the one place it is written down. Routes, actions and domain
// commands ask `can`/`assertCan`; none of them compares roles itself.

export type PermissionActor = { id: number; role: Role };

/** What the ownership and status rules look at. */
export type ArticleSubject = { authorId: number; status: ArticleStatus };

export const ACTIONS = [
  'article.create',
  'article.editOwnDraft',
  'article.editOthersBeforeApproval',
  'article.submit',
  'article.approve',
  'article.return',
  'article.publish',
  'article.unpublish',
  'article.comment',
  'comment.moderate',
  'issue.compose',
  'issue.schedule',
  'issue.publish',
  'issue.unpublish',
  'user.manage',
  'publication.manage',
  'system.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  EDITOR: 'Biên tập viên',
  APPROVER: 'Lãnh đạo phòng',
  ADMIN: 'Quản trị',
};

const EVERYONE: readonly Role[] = ['EDITOR', 'APPROVER', 'ADMIN'];
const APPROVERS: readonly Role[] = ['APPROVER', 'ADMIN'];
const ADMINS: readonly Role[] = ['ADMIN'];

const ROLES_ALLOWED: Record<Action, readonly Role[]> = {
  // create, edit own drafts; submit
  'article.create': EVERYONE,
  'article.editOwnDraft': EVERYONE,
  'article.submit': EVERYONE,
  // edit others' articles before approval
  'article.editOthersBeforeApproval': EVERYONE,
  // approve / return / schedule / publish / unpublish
  'article.approve': APPROVERS,
  'article.return': APPROVERS,
  'article.publish': APPROVERS,
  'article.unpublish': APPROVERS,
  'issue.schedule': APPROVERS,
  'issue.publish': APPROVERS,
  'issue.unpublish': APPROVERS,
  // Not in SPEC's table (round 2): everyone signed in discusses an article; approvers may
  // resolve or reopen anyone's comment, the others their own or those on their articles.
  'article.comment': EVERYONE,
  'comment.moderate': APPROVERS,
  // compose issues (sections, order)
  'issue.compose': EVERYONE,
  // manage users, publication settings
  'user.manage': ADMINS,
  'publication.manage': ADMINS,
  // backups, server status (not in SPEC's table: system administration is the admin's)
  'system.manage': ADMINS,
};

type ActionNeedingArticle = 'article.editOwnDraft' | 'article.editOthersBeforeApproval';

/** The edit rules depend on the article, so for them the subject is required. */
export type SubjectArgs<A extends Action> = A extends ActionNeedingArticle ? [subject: ArticleSubject] : [];

const BEFORE_APPROVAL: readonly ArticleStatus[] = ['DRAFT', 'SUBMITTED'];

/**
 * Whether the actor may do the action. Workflow transitions (approve, publish, …) are checked
 * here by role only; whether the article's current status allows the transition is the
 * workflow's rule. An author's own article that is already submitted falls under neither
 * edit rule: the table grants "own drafts" and "others' articles before approval".
 */
export function can<A extends Action>(actor: PermissionActor | null, action: A, ...args: SubjectArgs<A>): boolean {
  if (!actor || !ROLES_ALLOWED[action].includes(actor.role)) return false;
  const subject: ArticleSubject | undefined = args[0];
  switch (action) {
    case 'article.editOwnDraft':
      return subject !== undefined && subject.authorId === actor.id && subject.status === 'DRAFT';
    case 'article.editOthersBeforeApproval':
      return subject !== undefined && subject.authorId !== actor.id && BEFORE_APPROVAL.includes(subject.status);
    default:
      return true;
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;

  constructor(readonly action: Action) {
    super('Bạn không có quyền thực hiện thao tác này.');
  }
}

/** Throws AuthError (401) without an actor, ForbiddenError (403) when the rule says no. */
export function assertCan<A extends Action>(actor: PermissionActor | null, action: A, ...args: SubjectArgs<A>): void {
  if (!actor) throw new AuthError();
  if (!can(actor, action, ...args)) throw new ForbiddenError(action);
}
