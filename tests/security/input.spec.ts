import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { actionId, actionResult, Client, formAction, sql } from './support/client';

// Issue 12: no input returns a 500. Deep nesting crashed React's action decoder; a NUL in a
// text field crashed PostgreSQL; bad percent-encoding in a path crashed Next's router.

const NUL = '\u0000';

test('3,000 levels of nested rich text are refused with a 400 before decoding', async () => {
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const nested = '{"type":"paragraph","content":['.repeat(3000) + '{"type":"text","text":"x"}' + ']}'.repeat(3000);
  const answer = await editor.action(
    'createArticleAction',
    '/quan-tri/bai-viet/moi',
    `[{"title":"Sâu","body":{"type":"doc","content":[${nested}]}}]`,
  );
  expect(answer.status).toBe(400);
  expect(answer.text).toContain('lồng nhau quá sâu');
  // The same nesting inside a form field (a no-JavaScript form post) too.
  const asForm = await formAction(editor, 'composeIssueAction', '/quan-tri/ban-tin', { op: 'addSection', title: `[${nested}]` }, false);
  expect(asForm.status).toBe(400);
});

test('NUL and control characters in article fields are removed, not a 500', async () => {
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const input = {
    title: `Tiêu đề${NUL} có\u0007 NUL`,
    lead: `Sapo${NUL}\ndòng hai`,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Thân${NUL} bài` }] }] },
    tags: [`chủ${NUL}đề`],
    sourceAuthors: `Tác${NUL} giả`,
    sourceOutlet: `Báo${NUL}`,
  };
  const answer = await editor.action('createArticleAction', '/quan-tri/bai-viet/moi', JSON.stringify([input]));
  expect(answer.status).toBe(200);
  const result = actionResult<{ ok: boolean; data: { id: number } }>(answer);
  expect(result).toMatchObject({ ok: true });
  const [row] = await sql<{ title: string; lead: string; sourceAuthors: string; body: unknown }>(
    `SELECT title, lead, "sourceAuthors", body FROM "Article" WHERE id = $1`,
    [result!.data.id],
  );
  expect(row).toMatchObject({ title: 'Tiêu đề có NUL', lead: 'Sapo\ndòng hai', sourceAuthors: 'Tác giả' });
  expect(JSON.stringify(row!.body)).toContain('Thân bài');
});

test('NUL in a section title, a user name and the settings is removed, not a 500', async () => {
  const admin = new Client();
  await admin.signIn('quantri@demo.local');
  const [issue] = await sql<{ id: number; version: number }>(
    `INSERT INTO "Issue" ("publicationId", number, year, "periodStart", "periodEnd", "updatedAt")
     SELECT id, 900 + floor(random() * 99)::int, 2099, '2099-01-01', '2099-01-07', now() FROM "Publication" ORDER BY id LIMIT 1
     RETURNING id, version`,
  );
  const section = await formAction(
    admin,
    'composeIssueAction',
    `/quan-tri/ban-tin/${issue!.id}`,
    { op: 'addSection', issueId: String(issue!.id), expectedVersion: String(issue!.version), title: `Chuyên${NUL} mục` },
    false,
  );
  expect(section.status).toBe(200);
  expect(await sql(`SELECT 1 FROM "IssueSection" WHERE "issueId" = $1 AND title = 'Chuyên mục'`, [issue!.id])).toHaveLength(1);

  const email = `nul-${Date.now()}@test.local`;
  const user = await formAction(admin, 'createUserAction', '/quan-tri/nguoi-dung', {
    name: `Người${NUL} Mới`,
    email,
    role: 'EDITOR',
    password: 'MatKhauMoi@2026',
  });
  expect(user.status).toBe(200);
  expect(await sql(`SELECT name FROM "User" WHERE email = $1`, [email])).toEqual([{ name: 'Người Mới' }]);

  const [publication] = await sql<Record<string, string | number | null>>(`SELECT * FROM "Publication" ORDER BY id LIMIT 1`);
  const sections = await sql<{ id: number; title: string; expectsSource: boolean }>(
    `SELECT id, title, "expectsSource" FROM "PublicationSection" WHERE "publicationId" = $1 ORDER BY position, id`,
    [publication!.id],
  );
  const text = (name: string) => String(publication![name] ?? '');
  const form: Record<string, string> = {
    publicationId: String(publication!.id),
    expectedVersion: String(publication!.version),
    mastheadTitle: `${text('mastheadTitle')}${NUL}`,
    agencyName: `${NUL}${text('agencyName')}`,
    creditLabel: text('creditLabel'),
    creditLine: text('creditLine'),
    pageSize: text('pageSize'),
    cadence: text('cadence'),
    licenceDate: '',
    ...Object.fromEntries(
      ['licenceNumber', 'printingPlace', 'printRun', 'frequencyText', 'responsiblePerson'].map((name) => [name, text(name)]),
    ),
  };
  const settings = await settingsAction(admin, form, sections);
  expect(actionResult(settings)).toMatchObject({ ok: true });
  const [saved] = await sql<{ mastheadTitle: string; agencyName: string }>(
    `SELECT "mastheadTitle", "agencyName" FROM "Publication" WHERE id = $1`,
    [publication!.id],
  );
  expect(saved).toEqual({ mastheadTitle: text('mastheadTitle'), agencyName: text('agencyName') });
});

/** The settings form with its default sections as parallel lists, as the page posts it. */
async function settingsAction(
  client: Client,
  fields: Record<string, string>,
  sections: { id: number; title: string; expectsSource: boolean }[],
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  for (const section of sections) {
    form.append('_1_sectionId', String(section.id));
    form.append('_1_sectionTitle', section.title);
    form.append('_1_sectionExpectsSource', String(section.expectsSource));
  }
  form.append('0', JSON.stringify([null, '$K1']));
  const encoded = new Response(form);
  return client.action(
    'updateSettingsAction',
    '/quan-tri/cai-dat',
    Buffer.from(await encoded.arrayBuffer()),
    encoded.headers.get('content-type')!,
  );
}

test('malformed percent-encoding in a path is a 400, never a 500', async () => {
  const visitor = new Client();
  for (const path of [
    '/bai-viet/%FF',
    '/ban-tin/%FF/1',
    '/media/%FF/web',
    '/chu-de/%E0%A4%A',
    '/ban-tin/2025/%FF/pdf',
    '/quan-tri/bai-viet/%FF',
  ]) {
    expect((await visitor.send('GET', path)).status, path).toBe(400);
  }
  expect((await visitor.send('GET', `/tim-kiem?q=a%00b`)).status).toBe(200);
});

test('upload file names lose RTL overrides, NUL and paths on both upload paths', async () => {
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
    .jpeg()
    .toBuffer();
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  const upload = await editor.send('POST', '/quan-tri/api/media', {
    headers: { 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent(`../../ảnh${NUL}\u202Egpj.exe`) },
    body: jpeg,
  });
  expect(upload.status).toBe(201);
  const { id } = JSON.parse(upload.text) as { id: number };
  expect(await sql(`SELECT "originalName" FROM "Media" WHERE id = $1`, [id])).toEqual([{ originalName: 'ảnhgpj.exe' }]);

  const admin = new Client();
  await admin.signIn('quantri@demo.local');
  const [publication] = await sql<{ id: number }>(`SELECT id FROM "Publication" ORDER BY id LIMIT 1`);
  const logo = await formAction(admin, 'uploadLogoAction', '/quan-tri/cai-dat', {
    publicationId: String(publication!.id),
    logo: [new Blob([jpeg], { type: 'image/jpeg' }), `..\\logo\u202Egnp.exe`],
  });
  expect(logo.status).toBe(200);
  expect(actionResult(logo)).toMatchObject({ ok: true });
  const [stored] = await sql<{ originalName: string }>(
    `SELECT m."originalName" FROM "Media" m JOIN "Publication" p ON p."logoMediaId" = m.id WHERE p.id = $1`,
    [publication!.id],
  );
  expect(stored!.originalName).toBe('logognp.exe');
  // A NUL in a multipart file name made Next's form parser throw (500); now a 400 before it.
  const withNul = await formAction(admin, 'uploadLogoAction', '/quan-tri/cai-dat', {
    publicationId: String(publication!.id),
    logo: [new Blob([jpeg], { type: 'image/jpeg' }), `logo${NUL}.jpg`],
  });
  expect(withNul.status).toBe(400);
});

test('an action body that is not what React sends is a 400 or a refusal, never a 500', async () => {
  const editor = new Client();
  await editor.signIn('bientap@demo.local');
  expect((await editor.action('createArticleAction', '/quan-tri/bai-viet/moi', '-x{not json')).status).toBe(400);
  // A form action called with an object instead of a form.
  const notAForm = await editor.action('composeIssueAction', '/quan-tri/ban-tin', JSON.stringify([{ op: 'addSection' }]));
  expect(notAForm.status).toBe(200);
  expect(actionResult(notAForm)).toMatchObject({ ok: false });
  const shouting = await editor.send('POST', '/quan-tri/bai-viet/moi', {
    headers: { 'next-action': actionId('createArticleAction'), 'content-type': 'Multipart/form-data; boundary=x' },
    body: '--x--',
  });
  expect(shouting.status).toBeLessThan(500);
});
