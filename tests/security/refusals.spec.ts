import { expect, test } from '@playwright/test';
import { actionResult, Client, formAction, sql } from './support/client';

// Issue 12: refusals of the settings update, the logo upload and saves of approved or
// published articles left no trace. Every refusal now passes runAction, which writes
// `<entity>.denied` or `<entity>.refused` naming what was attempted (src/server/audit/refusals.ts).

async function refusalsOf(attempted: string, entityId: string | number) {
  return sql<{ actorId: number | null; data: { kind: string; ipAddress: string } }>(
    `SELECT "actorId", data FROM "AuditEvent" WHERE action ~ '\\.(denied|refused)$' AND data->>'attempted' = $1 AND "entityId" = $2 ORDER BY id`,
    [attempted, String(entityId)],
  );
}

const editorId = async () => (await sql<{ id: number }>(`SELECT id FROM "User" WHERE email = 'bientap@demo.local'`))[0]!.id;

test('an editor posting the settings form is refused and audited', async () => {
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const [publication] = await sql<{ id: number; version: number }>(`SELECT id, version FROM "Publication" ORDER BY id LIMIT 1`);
  const fields = Object.fromEntries(
    [
      'mastheadTitle',
      'agencyName',
      'creditLabel',
      'creditLine',
      'licenceNumber',
      'printingPlace',
      'printRun',
      'frequencyText',
      'responsiblePerson',
    ].map((name) => [name, 'Đã bị sửa']),
  );
  const answer = await formAction(editor, 'updateSettingsAction', '/quan-tri/cai-dat', {
    publicationId: String(publication!.id),
    expectedVersion: String(publication!.version),
    ...fields,
    pageSize: 'A4',
    cadence: 'WEEKLY',
    licenceDate: '',
    sectionId: '',
    sectionTitle: 'Chuyên mục',
    sectionExpectsSource: 'false',
  });
  expect(actionResult(answer)).toMatchObject({ ok: false, message: 'Bạn không có quyền thực hiện thao tác này.' });
  expect(await refusalsOf('publication.update', publication!.id)).toEqual([
    { actorId: await editorId(), data: expect.objectContaining({ kind: 'forbidden', ipAddress: editor.from }) },
  ]);
});

test('a logo upload by an editor, and a disguised file by an admin, are refused and audited', async () => {
  const [publication] = await sql<{ id: number }>(`SELECT id FROM "Publication" ORDER BY id LIMIT 1`);
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const html = new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/jpeg' });
  const byEditor = await formAction(editor, 'uploadLogoAction', '/quan-tri/cai-dat', {
    publicationId: String(publication!.id),
    logo: [html, 'logo.jpg'],
  });
  expect(actionResult(byEditor)).toMatchObject({ ok: false });
  const admin = new Client();
  await admin.signIn('quantri@demo.local');
  const byAdmin = await formAction(admin, 'uploadLogoAction', '/quan-tri/cai-dat', {
    publicationId: String(publication!.id),
    logo: [html, 'logo.jpg'],
  });
  expect(actionResult(byAdmin)).toMatchObject({ ok: false });
  const kinds = (await refusalsOf('publication.logo', publication!.id)).map((event) => event.data.kind);
  expect(kinds).toEqual(['forbidden', 'file-rejected']);
});

test('an editor saving an approved article is refused, audited, and the article is unchanged', async () => {
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const created = actionResult<{ data: { id: number } }>(
    await editor.action(
      'createArticleAction',
      '/quan-tri/bai-viet/moi',
      JSON.stringify([{ title: 'Bài sẽ được duyệt', body: { type: 'doc', content: [] } }]),
    ),
  );
  const id = created!.data.id;
  await sql(`UPDATE "Article" SET status = 'APPROVED' WHERE id = $1`, [id]);
  const answer = await editor.action(
    'saveArticleAction',
    `/quan-tri/bai-viet/${id}`,
    JSON.stringify([id, { title: 'Sửa sau khi duyệt', body: { type: 'doc', content: [] }, expectedVersion: 1 }]),
  );
  expect(actionResult(answer)).toMatchObject({ ok: false, status: 403 });
  expect(await sql(`SELECT title FROM "Article" WHERE id = $1`, [id])).toEqual([{ title: 'Bài sẽ được duyệt' }]);
  expect((await refusalsOf('article.save', id)).map((event) => event.data.kind)).toEqual(['forbidden']);
});
