// Print edition: time and peak memory to produce the PDF of Số 17 and of a generated 60-article
// issue (first render of the process, uncached render, cached), next to headless Chromium
// printing the issue's web page. Run by hand (not part of `npm test`): see bench/README.md.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { openDatabase, projectRoot } from '../scripts/lib/database.ts';
import { prepareDatabase, shouldLoadDemoAccounts } from '../scripts/lib/prepare.ts';

const CHROMIUM_URL = process.env.BENCH_BASE_URL ?? 'http://localhost:3000/ban-tin/2025/17';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CACHED_RUNS = 50;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `work`, sampling the resident set size every 5 ms; returns its time and the peak. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

async function chromiumPrint(url: string): Promise<{ launchMs: number; printMs: number } | null> {
  try {
    if (!(await fetch(url, { signal: AbortSignal.timeout(30_000) })).ok) return null;
  } catch {
    return null;
  }
  const launched = await measure(() =>
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  );
  const browser = launched.result;
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms } = await measure(async () => {
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'networkidle' });
        await page.pdf({ format: 'A4', printBackground: true });
        await page.close();
      });
      times.push(ms);
    }
    return { launchMs: launched.ms, printMs: median(times) };
  } finally {
    await browser.close();
  }
}

const database = await openDatabase();
try {
  process.env.DATABASE_URL = database.url;
  process.env.MEDIA_ROOT ??= path.join(projectRoot, '.data/media');
  await prepareDatabase(database.url, { includeDemoAccounts: shouldLoadDemoAccounts() });
  // Imported once the environment is set: these modules read it on first use.
  const { getIssueView } = await import('@/server/issues/queries');
  const { createPdfCache } = await import('@/server/pdf/cache');
  const { renderIssuePdf } = await import('@/server/pdf/render');
  const { getDb } = await import('@/server/db/client');

  const so17 = await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' });
  if (!so17) throw new Error('Không có Số 17/2025 công khai trong cơ sở dữ liệu.');
  // 60 articles: Số 17's fifteen, four times, in four sections, as new articles.
  const all = so17.sections.flatMap((section) => section.articles);
  let id = 1_000_000;
  let tocNumber = 0;
  const sixty = {
    ...so17,
    number: 60,
    sections: [1, 2, 3, 4].map((k) => ({
      id: 1_000_000 + k,
      title: `Chuyên mục ${k}`,
      articles: all.map((article) => ({ ...article, id: id++, tocNumber: ++tocNumber, title: `${article.title} (${k})` })),
    })),
  };

  const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  const rows: string[][] = [];
  let chromiumReached = false;
  for (const [name, issue] of [
    ['Số 17/2025', so17],
    ['60 bài (sinh)', sixty],
  ] as const) {
    const first = await measure(() => renderIssuePdf(issue));
    const uncached = [];
    for (let run = 0; run < RUNS; run++) uncached.push(await measure(() => renderIssuePdf(issue)));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-pdf-'));
    try {
      const cache = createPdfCache({ dir, render: renderIssuePdf });
      await cache.get(issue);
      // A cached request: key of the content, then the stored file read whole.
      const cached = [];
      for (let run = 0; run < CACHED_RUNS; run++) cached.push(await measure(async () => readFile((await cache.get(issue)).path)));
      const chromiumResult = issue === so17 ? await chromiumPrint(CHROMIUM_URL) : null;
      chromiumReached ||= chromiumResult !== null;
      const uncachedMs = median(uncached.map((m) => m.ms));
      rows.push([
        name,
        String(pageCount(first.result)),
        `${(first.ms / 1000).toFixed(2)} s`,
        `${(uncachedMs / 1000).toFixed(2)} s`,
        `${median(cached.map((m) => m.ms)).toFixed(1)} ms`,
        `${Math.round(Math.max(first.peakRss, ...uncached.map((m) => m.peakRss)) / 1024 / 1024)} MB`,
        chromiumResult
          ? `${(chromiumResult.printMs / 1000).toFixed(2)} s (+${(chromiumResult.launchMs / 1000).toFixed(2)} s khởi động)`
          : 'n/a',
        chromiumResult ? `×${(chromiumResult.printMs / uncachedMs).toFixed(1)}` : 'n/a',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await getDb().$disconnect();

  const header = [
    'bản tin',
    'trang',
    'lần đầu (tiến trình mới)',
    'chưa có cache',
    'có cache',
    'RSS đỉnh',
    `Chromium page.pdf`,
    'Chromium / react-pdf',
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(
    `\nreact-pdf: "lần đầu" của Số 17 là lần đầu của tiến trình; trung vị ${RUNS} lần (có cache: ${CACHED_RUNS} lần).` +
      `\nChromium in ${CHROMIUM_URL}${chromiumReached ? '' : ' (không tới được)'}; tỉ lệ = Chromium / react-pdf chưa có cache.\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
} finally {
  await database.embedded?.stop();
}
