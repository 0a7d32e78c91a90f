// Helpers of bench/pdf.ts that work from outside the app: stopping the production server, the large
// generated issue in its database, wrk's latency percentiles, a process tree's memory.
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A process and its descendants: pid and resident memory in KB. */
async function processTree(pid: number): Promise<{ pid: number; rssKb: number }[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,rss=']);
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of rows) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).map(([p, , rssKb]) => ({ pid: p, rssKb }));
}

/** Stops the server and any process under it (its PDF workers are threads of it). */
export async function stopServer(child: ChildProcess): Promise<void> {
  for (const { pid } of await processTree(child.pid!)) process.kill(pid, 'SIGTERM');
}

/** Resident memory of a process and its descendants, in MB. */
export async function treeRssMb(pid: number): Promise<number> {
  return Math.round((await processTree(pid)).reduce((sum, { rssKb }) => sum + rssKb, 0) / 1024);
}

/** wrk (Debian's, a separate process) against `url`: requests per second and p50/p99 in ms. */
export async function wrk(url: string, seconds: number, connections = 10): Promise<{ rps: number; p50: number; p99: number }> {
  const { stdout } = await run('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', url], { timeout: (seconds + 30) * 1000 });
  const ms = (label: string) => {
    const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(stdout);
    if (!match) return NaN;
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), p50: ms('50'), p99: ms('99') };
}

export const LARGE_ISSUE = { year: 2025, number: 60 };

/**
 * Số 60/2025 in the database, published: Số 17's articles four times over, in four sections
 * (about 150 pages). Made once.
 */
export async function ensureLargeIssue(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select 1 from "Issue" where year = $1 and number = $2', [LARGE_ISSUE.year, LARGE_ISSUE.number]);
    if (rows.length) return;
    await client.query('BEGIN');
    const source = await client.query(`
      SELECT a.id FROM "Article" a JOIN "ArticlePlacement" p ON p."articleId" = a.id JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId" WHERE i.year = 2025 AND i.number = 17 ORDER BY s.position, p.position`);
    const issue = await client.query(
      `INSERT INTO "Issue" ("publicationId", number, year, "periodStart", "periodEnd", status, "publishAt", "publishedAt", "updatedAt")
       VALUES ((SELECT min(id) FROM "Publication"), $1, $2, '2025-12-01', '2025-12-14', 'PUBLISHED', now(), now(), now()) RETURNING id`,
      [LARGE_ISSUE.number, LARGE_ISSUE.year],
    );
    for (let k = 1; k <= 4; k++) {
      const section = await client.query(`INSERT INTO "IssueSection" ("issueId", title, position) VALUES ($1, $2, $3) RETURNING id`, [
        issue.rows[0].id,
        `Chuyên mục ${k}`,
        k,
      ]);
      for (const [position, { id }] of source.rows.entries()) {
        const copy = await client.query(
          `INSERT INTO "Article" (title, slug, lead, body, status, "publishAt", "publishedAt", "authorId", "sourceAuthors", "sourceOutlet", "sourceUrl", "updatedAt")
           SELECT title || ' (' || $2 || ')', slug || '-so-60-' || $2, lead, body, 'PUBLISHED', now(), now(), "authorId", "sourceAuthors", "sourceOutlet", "sourceUrl", now()
           FROM "Article" WHERE id = $1 RETURNING id`,
          [id, k],
        );
        await client.query(
          `INSERT INTO "ArticleMedia" ("articleId", "mediaId") SELECT $1, "mediaId" FROM "ArticleMedia" WHERE "articleId" = $2`,
          [copy.rows[0].id, id],
        );
        await client.query(`INSERT INTO "ArticlePlacement" ("articleId", "sectionId", position) VALUES ($1, $2, $3)`, [
          copy.rows[0].id,
          section.rows[0].id,
          position,
        ]);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** New content for an issue (a retitled article), so its next PDF request renders afresh. */
export async function touchIssue(url: string, issue: { year: number; number: number }, stamp: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `UPDATE "Article" SET title = regexp_replace(title, ' \\[.*\\]$', '') || ' [' || $3 || ']' WHERE id = (
         SELECT a.id FROM "Article" a JOIN "ArticlePlacement" p ON p."articleId" = a.id JOIN "IssueSection" s ON s.id = p."sectionId"
         JOIN "Issue" i ON i.id = s."issueId" WHERE i.year = $1 AND i.number = $2 ORDER BY a.id LIMIT 1)`,
      [issue.year, issue.number, stamp],
    );
  } finally {
    await client.end();
  }
}

/** The peak RSS of this process while `work` runs (sampled every 5 ms). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
  } finally {
    clearInterval(sampler);
  }
}
