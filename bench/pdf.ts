// Print edition: time and memory to produce the PDF of Số 17 and of a generated issue of about
// 150 pages, next to headless Chromium printing the issue's web page from a production server
// started here, and the issue page's latency idle and while that server renders PDFs (load
// from wrk, a separate process). Run by hand (not part of `npm test`): see bench/README.md.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import e2eConfig from '../playwright.config.ts';
import { createDatabaseIfMissing, openDatabase, projectRoot } from '../scripts/lib/database.ts';
import { prepareDatabase } from '../scripts/lib/prepare.ts';
import { startProductionServer } from './lib/production-server.ts';
import { ensureLargeIssue, LARGE_ISSUE, stopServer, touchIssue, treeRssMb, withPeakRss, wrk } from './pdf-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CACHED_RUNS = 50;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const LOAD_SECONDS = Number(process.env.BENCH_DURATION ?? 10);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Chromium printing the warm issue page: the browser and the page loaded once before timing. */
async function chromiumPrint(url: string): Promise<number> {
  // Debian's Chromium with the flags the end-to-end tests use.
  const browser = await chromium.launch(e2eConfig.use!.launchOptions);
  try {
    const warm = await browser.newPage();
    await warm.goto(url, { waitUntil: 'networkidle' });
    await warm.pdf({ format: 'A4', printBackground: true });
    await warm.close();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.pdf({ format: 'A4', printBackground: true });
      await page.close();
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

/** The issue page's latency under wrk while the server renders the large issue's PDF again and again. */
async function latencyDuringRenders(base: string, databaseUrl: string) {
  let renders = 0;
  let stop = false;
  const renderer = (async () => {
    while (!stop) {
      await touchIssue(databaseUrl, LARGE_ISSUE, String(Date.now()));
      const response = await fetch(`${base}/ban-tin/${LARGE_ISSUE.year}/${LARGE_ISSUE.number}/pdf`);
      await response.arrayBuffer();
      if (response.ok) renders++;
    }
  })();
  // Let the first render start before the load does.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const loaded = await wrk(`${base}/ban-tin/2025/17`, LOAD_SECONDS);
  stop = true;
  await renderer;
  return { ...loaded, renders };
}

const SO_17 = { year: 2025, number: 17 };

/** 20 previews asked at once (Số 17, new content each); how many succeed and what memory does. */
async function burst(base: string, databaseUrl: string, pid: number) {
  const before = await treeRssMb(pid);
  let peak = before;
  const sampler = setInterval(() => void treeRssMb(pid).then((mb) => (peak = Math.max(peak, mb))), 200);
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      await touchIssue(databaseUrl, SO_17, `loat-${Date.now()}-${i}`);
      const response = await fetch(`${base}/ban-tin/2025/17/pdf`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }),
  );
  clearInterval(sampler);
  // What is left once renders still queued have finished and the workers were recycled.
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  return {
    before,
    peak,
    after: await treeRssMb(pid),
    ok: statuses.filter((s) => s === 200).length,
    busy: statuses.filter((s) => s === 503).length,
  };
}

const database = await openDatabase();
// Its own database and media: the bench edits articles to force renders.
const benchUrl = database.url.replace(/\/[^/?]+(\?|$)/, '/bantin_bench_pdf$1');
try {
  await createDatabaseIfMissing(database.url, 'bantin_bench_pdf');
  process.env.DATABASE_URL = benchUrl;
  process.env.MEDIA_ROOT ??= path.join(projectRoot, '.data/bench-media');
  await prepareDatabase(benchUrl, { includeDemoAccounts: false });
  await ensureLargeIssue(benchUrl);
  // Imported once the environment is set: these modules read it on first use.
  const { getIssueView } = await import('@/server/issues/queries');
  const { createPdfCache } = await import('@/server/pdf/cache');
  const { printImages } = await import('@/server/pdf/images');
  const { createPdfPool } = await import('@/server/pdf/pool');
  const { issueCreationDate, pdfDataDir } = await import('@/server/pdf/render');
  const { getDb } = await import('@/server/db/client');

  const so17 = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
  const large = (await getIssueView(LARGE_ISSUE, { visibility: 'public' }))!;
  await getDb().$disconnect();

  // In this process: one worker, as the server has on two cores.
  const baselineMb = Math.round(process.memoryUsage().rss / 1048576);
  const started = performance.now();
  const pool = createPdfPool({ size: 1, timeLimitMs: 300_000 });
  while (pool.stats().ready === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const workerStartMs = performance.now() - started;
  const render = async (issue: typeof so17) =>
    (
      await pool.render({
        issue,
        images: await printImages(issue, pdfDataDir('pdf-images')),
        baseUrl: 'http://localhost:3000',
        preview: false,
        creationDate: issueCreationDate(issue),
      })
    ).pdf;

  const rows: { name: string; pages: number; first: number; warm: number; cached: number; rss: number }[] = [];
  for (const [name, issue] of [
    ['Số 17/2025', so17],
    [`Số ${LARGE_ISSUE.number}/${LARGE_ISSUE.year} (sinh)`, large],
  ] as const) {
    const first = await withPeakRss(() => render(issue));
    const warm = [];
    for (let run = 0; run < RUNS; run++) warm.push(await withPeakRss(() => render(issue)));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-pdf-'));
    try {
      const cache = createPdfCache({ dir, render: (view) => render(view) });
      await cache.get(issue);
      const cached = [];
      for (let run = 0; run < CACHED_RUNS; run++) cached.push((await withPeakRss(async () => readFile((await cache.get(issue)).path))).ms);
      rows.push({
        name,
        pages: (first.result.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length,
        first: first.ms,
        warm: median(warm.map((m) => m.ms)),
        cached: median(cached),
        rss: Math.max(first.peakMb, ...warm.map((m) => m.peakMb)),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await pool.close();

  const { child: server, base } = await startProductionServer(benchUrl, PORT, (line) => console.log(line));
  try {
    const serverMb = { started: await treeRssMb(server.pid!), loaded: 0, rendered: 0 };
    const chromiumMs = await chromiumPrint(`${base}/ban-tin/2025/17`);
    await wrk(`${base}/ban-tin/2025/17`, 2); // warm-up
    const idle = await wrk(`${base}/ban-tin/2025/17`, LOAD_SECONDS);
    serverMb.loaded = await treeRssMb(server.pid!);
    const during = await latencyDuringRenders(base, benchUrl);
    serverMb.rendered = await treeRssMb(server.pid!);
    const memory = await burst(base, benchUrl, server.pid!);

    console.log(
      `\nreact-pdf trong worker (1 luồng): khởi động worker ${seconds(workerStartMs)}; trung vị ${RUNS} lần, có cache ${CACHED_RUNS} lần.`,
    );
    console.log(
      `RSS đỉnh: cả tiến trình (luồng chính ${baselineMb} MB trước khi có worker, + worker). ` +
        'Chromium: /usr/bin/chromium in trang số đã tải (ấm), `page.pdf` A4.\n',
    );
    const header = [
      'bản tin',
      'trang',
      'lần đầu',
      'ấm, chưa cache',
      'có cache',
      'RSS đỉnh',
      'trừ nền',
      'Chromium in trang',
      'Chromium / react-pdf',
    ];
    const table = rows.map((row) => [
      row.name,
      String(row.pages),
      seconds(row.first),
      seconds(row.warm),
      `${row.cached.toFixed(1)} ms`,
      `${row.rss} MB`,
      `${row.rss - baselineMb} MB`,
      row === rows[0] ? seconds(chromiumMs) : '',
      row === rows[0] ? `×${(chromiumMs / row.warm).toFixed(2)}` : '',
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
    const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
    console.log(line(header));
    console.log(line(widths.map((width) => '-'.repeat(width))));
    for (const row of table) console.log(line(row));
    console.log(`\nTrang số /ban-tin/2025/17 dưới tải wrk (10 kết nối, ${LOAD_SECONDS} s, tiến trình riêng):`);
    console.log(`  rảnh:              ${idle.rps.toFixed(0)} req/s, p50 ${idle.p50.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms`);
    console.log(
      `  trong khi tạo PDF: ${during.rps.toFixed(0)} req/s, p50 ${during.p50.toFixed(1)} ms, p99 ${during.p99.toFixed(1)} ms` +
        ` (${during.renders} bản ${LARGE_ISSUE.number}/${LARGE_ISSUE.year} xong; p99 ×${(during.p99 / idle.p99).toFixed(2)})`,
    );
    console.log(
      `RSS máy chủ (kể cả worker PDF): ${serverMb.started} MB khi khởi động, ${serverMb.loaded} MB sau tải wrk, ` +
        `${serverMb.rendered} MB sau khi tạo các bản ${LARGE_ISSUE.number}/${LARGE_ISSUE.year}.`,
    );
    console.log(
      `20 yêu cầu PDF Số 17 cùng lúc (nội dung mới mỗi yêu cầu): ${memory.ok} xong, ${memory.busy} trả 503 kèm lời nhắn; ` +
        `RSS máy chủ ${memory.before} MB trước, ${memory.peak} MB đỉnh, ${memory.after} MB 30 s sau.`,
    );
  } finally {
    await stopServer(server);
  }
} finally {
  await database.embedded?.stop();
}
