// Page throughput of the public site against a production build, next to the ceiling of the
// same issue page's HTML served as a static file by a minimal Node server.
// Run by hand (not part of `npm test`): see bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, createDatabaseIfMissing, projectRoot } from '../scripts/lib/database.ts';
import { prepareDatabase } from '../scripts/lib/prepare.ts';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 3200;
const CEILING_PORT = 3201;

async function generateContent(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('select count(*)::int as n from "Issue"');
  if (rows[0].n >= 2000) {
    await client.end();
    return;
  }
  console.log('Sinh 2.000 số và 20.000 bài viết…');
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
  await client.query('ANALYZE');
  await client.end();
}

function waitForServer(url: string, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error('next start đã dừng'));
      try {
        if ((await fetch(url)).ok) return resolve();
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 60_000) return reject(new Error('next start không phản hồi'));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

type Row = { name: string; rps: number; p50: number; p99: number; errors: number };

async function measure(name: string, url: string): Promise<Row> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const database = await openDatabase();
const benchUrl = database.url.replace(/\/[^/?]+(\?|$)/, '/bantin_bench$1');
let next: ChildProcess | undefined;
let ceiling: ReturnType<typeof createServer> | undefined;
try {
  await createDatabaseIfMissing(database.url, 'bantin_bench');
  process.env.MEDIA_ROOT ??= path.join(projectRoot, '.data/bench-media');
  await prepareDatabase(benchUrl, { includeDemoAccounts: false });
  await generateContent(benchUrl);

  next = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT)], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: benchUrl, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${PORT}`;
  await waitForServer(`${base}/api/health`, next);

  const issueHtml = await (await fetch(`${base}/ban-tin/2025/17`)).text();
  ceiling = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(issueHtml);
  }).listen(CEILING_PORT, '127.0.0.1');

  const rows = [
    await measure('tĩnh (trần)', `http://127.0.0.1:${CEILING_PORT}/`),
    await measure('trang chủ /', `${base}/`),
    await measure('số /ban-tin/2025/17', `${base}/ban-tin/2025/17`),
    await measure('số sinh /ban-tin/2020/200', `${base}/ban-tin/2020/200`),
    await measure('bài /bai-viet/…', `${base}/bai-viet/lay-nguoi-dan-lam-trung-tam-phuc-vu`),
    await measure('tìm kiếm /tim-kiem?q=chuyen doi so', `${base}/tim-kiem?q=chuyen%20doi%20so`),
  ];
  const ceilingRps = rows[0]!.rps;
  console.log(`\n${CONNECTIONS} kết nối, ${DURATION_S} s mỗi trang; 2.000 số, 20.000+ bài viết.\n`);
  console.log(
    'trang'.padEnd(38),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'so với trần'.padStart(12),
    'lỗi'.padStart(6),
  );
  for (const row of rows) {
    console.log(
      row.name.padEnd(38),
      row.rps.toFixed(0).padStart(8),
      String(row.p50).padStart(8),
      String(row.p99).padStart(8),
      `${((row.rps / ceilingRps) * 100).toFixed(1)}%`.padStart(12),
      String(row.errors).padStart(6),
    );
  }
} finally {
  next?.kill('SIGTERM');
  ceiling?.close();
  await database.embedded?.stop();
}
