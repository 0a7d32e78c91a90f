import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import { approveArticle, publishArticle, submitArticle } from '@/server/articles/workflow';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { publishIssueNow } from '@/server/issues/release';
import { runAction, runRoute } from '@/server/outcome';
import { updatePublicationSettings } from '@/server/publication/commands';
import { changeRole } from '@/server/users/commands';
import { actorFor } from '../../factories/users';

// The one path from a domain command to a form or a client: any DomainError becomes the
// answer, and refusals that say something about the request are audited, whoever forgot to.

let editor: Actor;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
});

const paragraph = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] };

/** An error class no mapper has heard of, defined only here. */
class QuotaError extends DomainError {
  readonly status = 429;
  constructor() {
    super('Đã quá hạn mức hôm nay. Hãy thử lại vào ngày mai.', { fieldErrors: { body: 'Quá hạn mức.' } });
  }
}

describe('runAction', () => {
  it('brings a new domain error to the form with its status, message, field errors and what was typed', async () => {
    const outcome = await runAction(
      { attempted: 'article.save', entity: { type: 'article', id: 1 }, actor: editor, done: '', values: { title: 'Đã gõ' } },
      () => {
        throw new QuotaError();
      },
    );
    expect(outcome).toEqual({
      ok: false,
      status: 429,
      message: 'Đã quá hạn mức hôm nay. Hãy thử lại vào ngày mai.',
      fieldErrors: { body: 'Quá hạn mức.' },
      values: { title: 'Đã gõ' },
    });
  });

  it('answers a route handler with the same status and message', async () => {
    const response = await runRoute({ attempted: 'media.upload', entity: { type: 'media' }, actor: editor }, () => {
      throw new QuotaError();
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({
      error: 'Đã quá hạn mức hôm nay. Hãy thử lại vào ngày mai.',
      fieldErrors: { body: 'Quá hạn mức.' },
    });
  });

  it('rethrows what is not a domain error (a bug, for the error page)', async () => {
    await expect(
      runAction({ attempted: 'x', entity: { type: 'article' }, actor: editor, done: '' }, () =>
        Promise.reject(new TypeError('lỗi lập trình')),
      ),
    ).rejects.toThrow(TypeError);
  });

  it('audits an editor replaying approve and publish, naming what was attempted', async () => {
    const created = await createArticle(editor, { title: `Tự duyệt ${Date.now()}`, body: paragraph });
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    for (const [attempted, step] of [
      ['article.approve', approveArticle],
      ['article.publish', publishArticle],
    ] as const) {
      const outcome = await runAction(
        { attempted, entity: { type: 'article', id: String(created.id) }, actor: editor, done: '' },
        (actor) => step(actor, created.id, { expectedVersion: 1 }),
      );
      expect(outcome).toMatchObject({ ok: false, status: 403 });
    }
    const denied = await getDb().auditEvent.findMany({
      where: { entityId: String(created.id), action: 'article.denied' },
      orderBy: { id: 'asc' },
    });
    expect(denied.map((event) => (event.data as { attempted: string }).attempted)).toEqual(['article.approve', 'article.publish']);
  });

  it('audits refused settings, user and issue commands, and a workflow step the status does not allow', async () => {
    const before = await getDb().auditEvent.count();
    const attempts = [
      () =>
        runAction({ attempted: 'publication.update', entity: { type: 'publication', id: 1 }, actor: editor, done: '' }, (actor) =>
          updatePublicationSettings(actor, { publicationId: 1, expectedVersion: 1, printRun: '500' }),
        ),
      () =>
        runAction({ attempted: 'user.changeRole', entity: { type: 'user', id: editor.id }, actor: editor, done: '' }, (actor) =>
          changeRole(actor, { userId: actor.id, role: 'ADMIN' }),
        ),
      () =>
        runAction({ attempted: 'issue.publish', entity: { type: 'issue', id: 1 }, actor: editor, done: '' }, (actor) =>
          publishIssueNow(actor, 1, { expectedVersion: 1 }),
        ),
    ];
    for (const attempt of attempts) expect(await attempt()).toMatchObject({ ok: false, status: 403 });
    const approver = await actorFor('duyet@demo.local');
    const draft = await createArticle(editor, { title: `Duyệt nháp ${Date.now()}`, body: paragraph });
    const refused = await runAction(
      { attempted: 'article.approve', entity: { type: 'article', id: draft.id }, actor: approver, done: '' },
      (actor) => approveArticle(actor, draft.id, { expectedVersion: 1 }),
    );
    expect(refused).toMatchObject({ ok: false, status: 409, message: 'Chỉ duyệt được bài đang Chờ duyệt.' });
    const events = await getDb().auditEvent.findMany({ where: { id: { gt: before } }, orderBy: { id: 'asc' } });
    expect(events.map((event) => [event.action, event.entityType])).toEqual([
      ['publication.denied', 'publication'],
      ['user.denied', 'user'],
      ['issue.denied', 'issue'],
      ['article.created', 'article'],
      ['article.refused', 'article'],
    ]);
  });

  it('does not audit an ordinary conflict or a typing mistake', async () => {
    const created = await createArticle(editor, { title: `Xung đột ${Date.now()}`, body: paragraph });
    const before = await getDb().auditEvent.count();
    const outcome = await runAction(
      { attempted: 'article.submit', entity: { type: 'article', id: created.id }, actor: editor, done: '' },
      (actor) => submitArticle(actor, created.id, { expectedVersion: 9 }),
    );
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(await getDb().auditEvent.count()).toBe(before);
  });
});
