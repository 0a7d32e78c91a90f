import { describe, expect, it } from 'vitest';
import { ACTIONS, assertCan, can, ForbiddenError, type Action, type ArticleSubject, type PermissionActor } from '@/server/permissions';
import { AuthError } from '@/server/errors';
import type { ArticleStatus, Role } from '@/generated/prisma/enums';

// SPEC.md's table, written out again by hand: every role × every action.
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  'article.create': { EDITOR: true, APPROVER: true, ADMIN: true },
  'article.editOwnDraft': { EDITOR: true, APPROVER: true, ADMIN: true },
  'article.editOthersBeforeApproval': { EDITOR: true, APPROVER: true, ADMIN: true },
  'article.submit': { EDITOR: true, APPROVER: true, ADMIN: true },
  'article.approve': { EDITOR: false, APPROVER: true, ADMIN: true },
  'article.return': { EDITOR: false, APPROVER: true, ADMIN: true },
  'article.publish': { EDITOR: false, APPROVER: true, ADMIN: true },
  'article.unpublish': { EDITOR: false, APPROVER: true, ADMIN: true },
  'article.comment': { EDITOR: true, APPROVER: true, ADMIN: true },
  'comment.moderate': { EDITOR: false, APPROVER: true, ADMIN: true },
  'issue.compose': { EDITOR: true, APPROVER: true, ADMIN: true },
  'issue.schedule': { EDITOR: false, APPROVER: true, ADMIN: true },
  'issue.publish': { EDITOR: false, APPROVER: true, ADMIN: true },
  'issue.unpublish': { EDITOR: false, APPROVER: true, ADMIN: true },
  'user.manage': { EDITOR: false, APPROVER: false, ADMIN: true },
  'publication.manage': { EDITOR: false, APPROVER: false, ADMIN: true },
  'system.manage': { EDITOR: false, APPROVER: false, ADMIN: true },
};

const ROLES: Role[] = ['EDITOR', 'APPROVER', 'ADMIN'];
const STATUSES: ArticleStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'];
const ME = 7;
const SOMEONE_ELSE = 8;

function actor(role: Role): PermissionActor {
  return { id: ME, role };
}

// The subject each edit rule is satisfied by, so the matrix checks the role alone.
function check(role: Role, action: Action): boolean {
  if (action === 'article.editOwnDraft') return can(actor(role), action, { authorId: ME, status: 'DRAFT' });
  if (action === 'article.editOthersBeforeApproval') return can(actor(role), action, { authorId: SOMEONE_ELSE, status: 'SUBMITTED' });
  return can(actor(role), action as Exclude<Action, 'article.editOwnDraft' | 'article.editOthersBeforeApproval'>);
}

describe('can: the role × action matrix of SPEC.md', () => {
  it('covers every action the module knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action][role];
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(check(role, action)).toBe(allowed);
      });
    }
  }

  it('allows nothing without an actor', () => {
    for (const action of ACTIONS) {
      expect(can(null, action as 'article.create')).toBe(false);
    }
  });
});

describe('can: ownership and status of an article', () => {
  const own = (status: ArticleStatus): ArticleSubject => ({ authorId: ME, status });
  const others = (status: ArticleStatus): ArticleSubject => ({ authorId: SOMEONE_ELSE, status });

  for (const role of ROLES) {
    it(`${role} edits their own article only while it is a draft`, () => {
      expect(STATUSES.filter((status) => can(actor(role), 'article.editOwnDraft', own(status)))).toEqual(['DRAFT']);
    });

    it(`${role} cannot use the own-draft rule on someone else's draft`, () => {
      expect(can(actor(role), 'article.editOwnDraft', others('DRAFT'))).toBe(false);
    });

    it(`${role} edits others' articles only before approval`, () => {
      expect(STATUSES.filter((status) => can(actor(role), 'article.editOthersBeforeApproval', others(status)))).toEqual([
        'DRAFT',
        'SUBMITTED',
      ]);
    });

    it(`${role} cannot use the others' rule on their own article`, () => {
      expect(STATUSES.some((status) => can(actor(role), 'article.editOthersBeforeApproval', own(status)))).toBe(false);
    });
  }

  it('refuses an edit rule called without its article', () => {
    const untyped = can as (actor: PermissionActor, action: Action) => boolean;
    expect(untyped(actor('ADMIN'), 'article.editOwnDraft')).toBe(false);
    expect(untyped(actor('ADMIN'), 'article.editOthersBeforeApproval')).toBe(false);
  });
});

describe('assertCan', () => {
  it('passes silently when allowed', () => {
    expect(() => assertCan(actor('APPROVER'), 'article.approve')).not.toThrow();
  });

  it('throws a 403 ForbiddenError with a Vietnamese message when refused', () => {
    let error: unknown;
    try {
      assertCan(actor('EDITOR'), 'article.publish');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, action: 'article.publish', message: 'Bạn không có quyền thực hiện thao tác này.' });
  });

  it('throws a 401 AuthError without an actor', () => {
    expect(() => assertCan(null, 'article.create')).toThrow(AuthError);
    expect(() => assertCan(null, 'article.create')).toThrow(expect.objectContaining({ status: 401 }));
  });
});
