import { request as httpRequest } from 'node:http';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, insertArticle, signedIn, withDatabase } from '../e2e/fixtures';

// Caching and policy headers by route class, and the cache-poisoning and session cases of
// issues 11 and 12 (docs/decisions/011-public-page-cache.md).

const port = Number(process.env.E2E_PORT ?? 3100);
const PUBLIC_PAGE = 'public, max-age=0, s-maxage=1, stale-while-revalidate=1';
const PUBLIC_FILE = 'public, max-age=0, s-maxage=1, must-revalidate';
const FEEDS = ['/rss.xml', '/sitemap.xml', '/robots.txt'];
const PUBLIC_PAGES = ['/', '/ban-tin', '/ban-tin/2025/17', '/bai-viet/lay-nguoi-dan-lam-trung-tam-phuc-vu', ...FEEDS];

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** A request with exactly these headers (Host included), as an attacker or a proxy sends it. */
function raw(target: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path: target, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const header = (answer: Raw, name: string) => [answer.headers[name] ?? ''].flat().join(', ');
const isShareable = (cacheControl: string) => /\b(public|s-maxage)\b/.test(cacheControl) && !/\b(private|no-store)\b/.test(cacheControl);
const scriptSources = (policy: string) => policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
const runnableScripts = (html: string) => html.match(/<script\b(?![^>]*application\/ld\+json)[^>]*>/gi) ?? [];

let tagPath = '';
let publicImage = '';

test.beforeAll(async () => {
  ({ tagPath, publicImage } = await withDatabase(async (client) => {
    const tag = await client.query(`SELECT t.slug FROM "Tag" t JOIN "ArticleTag" at ON at."tagId" = t.id
      JOIN "Article" a ON a.id = at."articleId" WHERE a.status = 'PUBLISHED' LIMIT 1`);
    const image = await client.query(`SELECT m.id FROM "Media" m JOIN "ArticleMedia" am ON am."mediaId" = m.id
      JOIN "Article" a ON a.id = am."articleId" WHERE a.status = 'PUBLISHED' LIMIT 1`);
    return { tagPath: `/chu-de/${tag.rows[0].slug}`, publicImage: image.rows[0] ? `/media/${image.rows[0].id}/web` : '' };
  }));
});

test.describe('public pages', () => {
  test('come from the page cache with shareable headers, an ETag and a 304, and carry no script', async () => {
    for (const target of [...PUBLIC_PAGES, tagPath]) {
      await raw(target);
      const page = await raw(target);
      expect(page.status, target).toBe(200);
      expect(header(page, 'x-nextjs-cache'), target).toBe('HIT');
      expect(header(page, 'cache-control'), target).toBe(PUBLIC_PAGE);
      expect(header(page, 'last-modified'), target).toMatch(/GMT$/);
      expect(page.headers['set-cookie'], target).toBeUndefined();
      expect(scriptSources(header(page, 'content-security-policy')), target).toContain("'none'");
      expect(runnableScripts(page.text), target).toEqual([]);
      const etag = header(page, 'etag');
      expect(etag, target).not.toBe('');
      // Next 16 answers conditional requests for pages; feeds (route handlers) carry the tag only.
      if (FEEDS.includes(target)) continue;
      const revalidated = await raw(target, { 'if-none-match': etag });
      expect(revalidated.status, target).toBe(304);
      expect(revalidated.text).toBe('');
    }
  });

  test('a light issue page: no framework payload, the text once', async () => {
    const issue = await raw('/ban-tin/2025/17');
    expect(issue.text).not.toContain('self.__next_f');
    expect(Buffer.byteLength(issue.text)).toBeLessThan(160_000);
  });

  test("a tag's later pages have addresses of their own, and old ?trang= links reach them", async () => {
    const viaQuery = await raw(`${tagPath}?trang=1`);
    expect(viaQuery.status).toBe(200);
    expect(header(viaQuery, 'cache-control')).toBe(PUBLIC_PAGE);
    expect((await raw(`${tagPath}/trang/1`)).status).toBe(200);
    // The reader whose request renders a page gets it without scripts too.
    const firstRender = await raw(`${tagPath}/trang/${Date.now() % 9000}`);
    expect(header(firstRender, 'x-nextjs-cache')).toBe('MISS');
    expect(runnableScripts(firstRender.text)).toEqual([]);
  });
});

test.describe('files', () => {
  test('static assets are immutable; the image optimizer is off', async () => {
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec((await raw('/')).text)?.[1];
    expect(css).toBeTruthy();
    expect(header(await raw(css!), 'cache-control')).toBe('public, max-age=31536000, immutable');
    const target = publicImage || '/media/1/web';
    const optimized = await raw(`/_next/image?url=${encodeURIComponent(target)}&w=640&q=75`);
    expect(optimized.status).not.toBe(200);
    expect(isShareable(header(optimized, 'cache-control'))).toBe(false);
  });

  test('public images and PDFs are revalidated by shared caches with their ETag', async () => {
    test.setTimeout(120_000);
    const targets = ['/ban-tin/2025/17/pdf', ...(publicImage ? [publicImage] : [])];
    for (const target of targets) {
      const file = await raw(target);
      expect(file.status, target).toBe(200);
      expect(header(file, 'cache-control'), target).toBe(PUBLIC_FILE);
      const revalidated = await raw(target, { 'if-none-match': header(file, 'etag') });
      expect(revalidated.status, target).toBe(304);
    }
  });
});

test.describe('pages rendered per request', () => {
  test('run only scripts carrying a fresh nonce, never inline ones', async () => {
    for (const target of ['/dang-nhap', '/tim-kiem?q=chuyen+doi+so']) {
      const [first, second] = [await raw(target), await raw(target)];
      const policy = header(first, 'content-security-policy');
      expect(scriptSources(policy), target).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(scriptSources(policy), target).not.toContain('unsafe');
      expect(scriptSources(header(second, 'content-security-policy')), target).not.toBe(scriptSources(policy));
      const nonce = /'nonce-([^']+)'/.exec(policy)![1];
      for (const tag of runnableScripts(first.text)) expect(tag, target).toContain(`nonce="${nonce}"`);
      expect(isShareable(header(first, 'cache-control')), target).toBe(false);
    }
  });

  test('the media route keeps its own sandbox policy', async () => {
    test.skip(!publicImage, 'no public image in the demo data');
    expect(header(await raw(publicImage), 'content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});

test.describe('session-dependent answers', () => {
  let draftImage = '';

  test.beforeAll(async () => {
    test.skip(!publicImage, 'no public image to copy');
    // An image used only by a draft: editors see it, the public must not, and no cache may keep it.
    draftImage = await withDatabase(async (client) => {
      const source = await client.query(`SELECT * FROM "Media" WHERE id = $1`, [Number(publicImage.split('/')[2])]);
      const media = source.rows[0];
      const storageKey = `zz/bo-nho-dem-${Date.now()}`;
      const root = process.env.MEDIA_ROOT!;
      for (const variant of ['web', 'print']) {
        await mkdir(path.join(root, storageKey), { recursive: true });
        await copyFile(path.join(root, media.storageKey, `${variant}.jpg`), path.join(root, storageKey, `${variant}.jpg`));
      }
      const created = await client.query(
        `INSERT INTO "Media" ("storageKey", "mimeType", width, height, "byteSize", sha256) VALUES ($1, 'image/jpeg', $2, $3, $4, $5) RETURNING id`,
        [storageKey, media.width, media.height, media.byteSize, media.sha256],
      );
      const articleId = await insertArticle({ title: 'Bài nháp có ảnh', slug: `bai-nhap-co-anh-${Date.now()}`, status: 'DRAFT' });
      await client.query(`INSERT INTO "ArticleMedia" ("articleId", "mediaId") VALUES ($1, $2)`, [articleId, created.rows[0].id]);
      return `/media/${created.rows[0].id}/web`;
    });
  });

  test('are never marked shareable, and shareable answers never depend on the session', async ({ browser, request: anonymous }) => {
    test.setTimeout(120_000);
    const page = await signedIn(browser, ACCOUNTS.admin);
    const signedInRequest: APIRequestContext = page.context().request;
    const targets = [
      ...PUBLIC_PAGES,
      tagPath,
      '/tim-kiem?q=cai+cach',
      '/dang-nhap',
      '/quan-tri',
      '/quan-tri/bai-viet',
      '/quan-tri/ban-tin',
      '/quan-tri/cai-dat',
      '/quan-tri/nguoi-dung',
      '/api/auth/session',
      '/api/auth/csrf',
      ...(draftImage ? [draftImage] : []),
    ];
    for (const target of targets) {
      const [mine, theirs] = await Promise.all([
        signedInRequest.get(target, { maxRedirects: 0 }),
        anonymous.get(target, { maxRedirects: 0 }),
      ]);
      const cacheControl = mine.headers()['cache-control'] ?? '';
      const sameAnswer = mine.status() === theirs.status() && (await mine.body()).equals(await theirs.body());
      if (/^\/(quan-tri|dang-nhap|api)/.test(target)) expect(cacheControl, target).toContain('no-store');
      if (isShareable(cacheControl)) {
        expect(sameAnswer, `${target} is shared but differs with a session`).toBe(true);
        expect(mine.headers()['set-cookie'], target).toBeUndefined();
      }
    }
    if (draftImage) {
      expect((await anonymous.get(draftImage)).status()).toBe(404);
      const forEditor = await signedInRequest.get(draftImage);
      expect(forEditor.status()).toBe(200);
      expect(forEditor.headers()['cache-control']).toBe('private, no-store');
    }
  });
});

test.describe('cache poisoning', () => {
  const hostile: [string, string, Record<string, string>][] = [
    ['odd Host', '/ban-tin/2025/17', { host: 'evil.example' }],
    [
      'X-Forwarded-Host',
      '/ban-tin/2025/17',
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-port': '8443' },
    ],
    ['RSC header', '/ban-tin/2025/17', { rsc: '1' }],
    ['router headers', '/ban-tin/2025/17', { rsc: '1', 'next-router-prefetch': '1', 'next-router-state-tree': '%5B%22%22%5D' }],
    ['segment prefetch', '/ban-tin/2025/17', { rsc: '1', 'next-router-segment-prefetch': '/_tree' }],
    ['?_rsc without the header', '/ban-tin/2025/17?_rsc=abc', {}],
    ['unknown query strings', '/ban-tin/2025/17?utm_source=zalo&q=%3Cscript%3Ealert(1)%3C/script%3E&trang=9', {}],
    ['a session cookie', '/ban-tin/2025/17', { cookie: 'next-auth.session-token=gia-mao; __Secure-next-auth.session-token=gia-mao' }],
    [
      'x-middleware-subrequest',
      '/ban-tin/2025/17',
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    ],
  ];

  test('no odd request stores or serves another variant of a public page', async () => {
    await raw('/ban-tin/2025/17');
    const baseline = await raw('/ban-tin/2025/17');
    for (const [name, target, headers] of hostile) {
      const answer = await raw(target, headers);
      expect(answer.text, name).not.toContain('evil.example');
      expect(answer.text, name).not.toContain('<script>alert(1)');
      const isHtml = header(answer, 'content-type').startsWith('text/html');
      // Another body (the RSC payload, a redirect) is never offered to shared caches.
      if (!isHtml || answer.status !== 200) expect(isShareable(header(answer, 'cache-control')), name).toBe(false);
      else expect(header(answer, 'etag'), name).toBe(header(baseline, 'etag'));
      const after = await raw('/ban-tin/2025/17');
      expect(after.status, name).toBe(200);
      expect(header(after, 'content-type'), name).toContain('text/html');
      expect(header(after, 'etag'), name).toBe(header(baseline, 'etag'));
    }
  });
});
