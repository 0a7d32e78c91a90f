import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';

// What every journey needs: signing in as a demo account, the database the production server
// uses (to set up data and move time), and the accessibility check.

export const PASSWORD = 'DemoCCHC@2025';

export const ACCOUNTS = {
  admin: 'quantri@demo.local',
  editor: 'bientap@demo.local',
  approver: 'duyet@demo.local',
} as const;

/** Fills the sign-in form on the current page. */
export async function fillSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in and lands on `path` (the dashboard by default). */
export async function signIn(page: Page, email: string, path = '/quan-tri') {
  await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent(path)}`);
  await fillSignIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

/** A person in their own browser context (own cookies), signed in at `path`. */
export async function signedIn(browser: Browser, email: string, path = '/quan-tri'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, path);
  return page;
}

/**
 * `test` with `signedInAs(email, path)`: several people at once, each in a context of their own
 * that is closed when the test ends.
 */
export const test = base.extend<{ signedInAs: (email: string, path?: string) => Promise<Page> }>({
  signedInAs: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (email, path = '/quan-tri') => {
      const page = await signedIn(browser, email, path);
      contexts.push(page.context());
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** An article written straight to the database, with a source (so the preflight stays quiet). */
export async function insertArticle(options: {
  title: string;
  slug: string;
  status: string;
  text?: string;
  author?: string;
}): Promise<number> {
  return withDatabase(async (client) => {
    const author = await client.query(`select id from "User" where email = $1`, [options.author ?? ACCOUNTS.editor]);
    const created = await client.query(
      `insert into "Article" (title, slug, body, status, "authorId", "updatedById", "sourceOutlet", "sourceUrl", "updatedAt")
       values ($1, $2, $3, $4, $5, $5, 'Báo Chính phủ', 'https://baochinhphu.vn/', now()) returning id`,
      [options.title, options.slug, JSON.stringify(paragraphs(options.text ?? 'Nội dung.')), options.status, author.rows[0].id],
    );
    const id = created.rows[0].id as number;
    await client.query(
      `insert into "ArticleRevision" ("articleId", version, title, body, "authorId") select id, version, title, body, "authorId" from "Article" where id = $1`,
      [id],
    );
    return id;
  });
}

/** "10/11/2025 08:00" in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), as the form takes it. */
export function vietnamDateTime(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** The editor's save line ("Đã lưu lúc 10:42", "Chưa lưu — …"), not the other status messages. */
export const saveStatus = (page: Page) => page.locator('p.article-editor__save-status');

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
