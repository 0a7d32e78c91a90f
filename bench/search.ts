// Search in the database alone, on the benchmark data (2,000 issues, 20,000 articles): the
// statement src/server/search runs, timed by EXPLAIN ANALYZE (fastest and median of 20 runs:
// the fastest is the least disturbed by other load), then searchArticles called in this process
// (median and p99 of BENCH_RUNS calls). BENCH_PLANS=1 prints each plan. Run by hand: see
// bench/README.md.
import pg from 'pg';
import { openBenchDatabase } from './lib/bench-database.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PLANS = process.env.BENCH_PLANS === '1';

const CASES: { name: string; query: string; year?: number; page?: number }[] = [
  // "vnexpress" is only in the source names of the demo articles.
  { name: 'cụm phổ biến, không dấu', query: 'chuyen doi so' },
  { name: 'cụm phổ biến, có dấu', query: 'thủ tục hành chính' },
  { name: 'từ hiếm', query: 'vnexpress' },
  { name: 'không có kết quả (trigram)', query: 'chuyn doi so' },
  { name: 'toàn âm tiết phổ biến', query: 'và của các những là được trong' },
  { name: 'truy vấn 10.000 ký tự', query: 'chuyển đổi số '.repeat(715) },
  { name: "' OR 1=1 --", query: "' OR 1=1 --" },
  { name: 'cụm phổ biến + năm 2020', query: 'chuyen doi so', year: 2020 },
  { name: 'cụm phổ biến, trang 50', query: 'chuyen doi so', page: 50 },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const database = await openBenchDatabase();
process.env.DATABASE_URL = database.url;
// Imported after DATABASE_URL is set: the client reads it on first use.
const { searchArticles } = await import('../src/server/search/queries.ts');
const { rankedPageSql, searchTerms, trigramPageSql } = await import('../src/server/search/sql.ts');
const { getDb } = await import('../src/server/db/client.ts');
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const now = new Date();
  console.log(`\n${RUNS} lần mỗi truy vấn; thời gian PostgreSQL (EXPLAIN ANALYZE) và cả hàm searchArticles.\n`);
  console.log(
    'truy vấn'.padEnd(32),
    'kết quả'.padStart(9),
    'SQL min'.padStart(8),
    'SQL p50'.padStart(8),
    'hàm p50'.padStart(8),
    'hàm p99'.padStart(8),
  );
  for (const { name, query, year, page = 1 } of CASES) {
    const terms = searchTerms(query.slice(0, 200))!;
    // The statement searchArticles ends with: full text, or the typo fallback when it finds nothing.
    let sql = rankedPageSql(terms, { year }, page, now);
    const { rows } = await client.query(sql.text, sql.values);
    if (!rows[0]?.total) sql = trigramPageSql(terms, { year }, page, now) ?? sql;
    let plan: string[] = [];
    const sqlTimes: number[] = [];
    for (let run = 0; run < 20; run++) {
      const explained = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
      plan = explained.rows.map((row) => row['QUERY PLAN'] as string);
      sqlTimes.push(Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]));
    }
    sqlTimes.sort((a, b) => a - b);
    const times: number[] = [];
    let total = '';
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const results = await searchArticles({ query, year, page });
      times.push(performance.now() - started);
      total = `${results.isTotalCapped ? '>' : ''}${results.total}`;
    }
    times.sort((a, b) => a - b);
    console.log(
      name.padEnd(32),
      total.padStart(9),
      sqlTimes[0]!.toFixed(2).padStart(8),
      percentile(sqlTimes, 0.5).toFixed(2).padStart(8),
      percentile(times, 0.5).toFixed(2).padStart(8),
      percentile(times, 0.99).toFixed(2).padStart(8),
    );
    if (PLANS) console.log(`${plan.join('\n')}\n`);
  }
} finally {
  await client.end();
  await getDb().$disconnect();
  await database.stop();
}
