// The benchmarks' database: `bantin_bench` next to the app's own (DATABASE_URL's server, or the
// embedded PostgreSQL of .data/postgres), migrated, with the demo issues plus 2,000 generated
// issues and 20,000 generated articles, made once and kept between runs.
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, openDatabase, projectRoot } from '../../scripts/lib/database.ts';
import { prepareDatabase } from '../../scripts/lib/prepare.ts';

export type BenchDatabase = { url: string; stop: () => Promise<void> };

const GENERATED_ISSUES = 2000;

async function generateContent(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select count(*)::int as n from "Issue"');
    if (rows[0].n >= GENERATED_ISSUES) return;
    console.log('Sinh 2.000 số và 20.000 bài viết (một lần)…');
    await client.query('BEGIN');
    await client.query(`
      INSERT INTO "Issue" ("publicationId", number, year, "periodStart", "periodEnd", status, "publishAt", "publishedAt", "updatedAt")
      SELECT (SELECT min(id) FROM "Publication"), n, y, make_date(y, 1, 1), make_date(y, 1, 14), 'PUBLISHED',
             make_timestamptz(y, 1, 15, 8, 0, 0, 'Asia/Ho_Chi_Minh'), make_timestamptz(y, 1, 15, 8, 0, 0, 'Asia/Ho_Chi_Minh'), now()
      FROM generate_series(2018, 2022) AS y, generate_series(1, 400) AS n`);
    await client.query(`
      INSERT INTO "IssueSection" ("issueId", title, position)
      SELECT i.id, s.title, s.position FROM "Issue" i
      CROSS JOIN (VALUES ('Thông tin CCHC của Trung ương', 0), ('Thông tin CCHC của tỉnh', 1)) AS s(title, position)
      WHERE i.year BETWEEN 2018 AND 2022`);
    // Ten articles per generated issue, five per section, bodies borrowed from the demo issues.
    await client.query(`
      WITH demo AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, title, lead, body, "authorId" FROM "Article" WHERE slug NOT LIKE 'bai-mau-%'),
           demo_count AS (SELECT count(*) AS c FROM demo),
           slots AS (
             SELECT s.id AS section_id, p AS position, row_number() OVER (ORDER BY s.id, p) AS n, i."publishAt"
             FROM "IssueSection" s JOIN "Issue" i ON i.id = s."issueId"
             CROSS JOIN generate_series(0, 4) AS p
             WHERE i.year BETWEEN 2018 AND 2022),
           inserted AS (
             INSERT INTO "Article" (title, slug, lead, body, status, "publishAt", "publishedAt", "authorId", "updatedAt")
             SELECT d.title || ' (' || slots.n || ')', 'bai-mau-' || slots.n, d.lead, d.body, 'PUBLISHED', slots."publishAt", slots."publishAt", d."authorId", now()
             FROM slots, demo_count, demo d WHERE d.k = slots.n % demo_count.c
             RETURNING id, slug)
      INSERT INTO "ArticlePlacement" ("articleId", "sectionId", position)
      SELECT inserted.id, slots.section_id, slots.position FROM inserted JOIN slots ON inserted.slug = 'bai-mau-' || slots.n`);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/** Opens (and on first use fills) the benchmark database; `stop` stops an embedded server. */
export async function openBenchDatabase(log?: (line: string) => void): Promise<BenchDatabase> {
  const database = await openDatabase({ log });
  try {
    const url = database.url.replace(/\/[^/?]+(\?|$)/, '/bantin_bench$1');
    await createDatabaseIfMissing(database.url, 'bantin_bench');
    process.env.MEDIA_ROOT ??= path.join(projectRoot, '.data/bench-media');
    await prepareDatabase(url, { includeDemoAccounts: false });
    await generateContent(url);
    return { url, stop: async () => void (await database.embedded?.stop()) };
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}
