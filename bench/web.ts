// Throughput and latency of the public site on a production build, with load from a separate
// process (wrk), next to two ceilings measured in the same run: the machine's (a minimal Node
// server in its own process sending the issue page's HTML from memory) and the framework's
// (the production server sending one of its static CSS files). Run by hand (not part of
// `npm test`): see bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './lib/bench-database.ts';
import { startProductionServer, waitFor } from './lib/production-server.ts';
import { assertWrkInstalled, runWrk, type LoadResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const CEILING_PORT = Number(process.env.BENCH_CEILING_PORT ?? PORT + 1);

// The minimal server of the machine's ceiling: its own process, the file read once.
const CEILING_SERVER = `
const body = require('node:fs').readFileSync(process.argv[1]);
require('node:http')
  .createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  })
  .listen(Number(process.argv[2]), '127.0.0.1');
`;

function say(line: string) {
  console.log(`[bench] ${line}`);
}

async function ok(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} trả về ${response.status}: không đo một trang lỗi.`);
  return response.text();
}

const stopProcess = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
};

await assertWrkInstalled();
const database = await openBenchDatabase();
const temp = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-'));
let next: ChildProcess | undefined;
let ceiling: ChildProcess | undefined;
try {
  const server = await startProductionServer(database.url, PORT, say);
  next = server.child;
  const base = server.base;

  const issueHtml = await ok(`${base}/ban-tin/2025/17`);
  const asset = /\/_next\/static\/[^"']+\.css/.exec(issueHtml)?.[0];
  if (!asset) throw new Error('Không tìm thấy tệp CSS tĩnh của Next trong trang số 17.');
  const htmlFile = path.join(temp, 'so-17.html');
  await writeFile(htmlFile, issueHtml);
  ceiling = spawn(process.execPath, ['-e', CEILING_SERVER, htmlFile, String(CEILING_PORT)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${CEILING_PORT}/`, ceiling);

  const pages: [string, string][] = [
    ['trần máy (Node tối giản, HTML số 17)', `http://127.0.0.1:${CEILING_PORT}/`],
    ['trần framework (CSS tĩnh của Next)', `${base}${asset}`],
    ['trang chủ /', `${base}/`],
    ['số /ban-tin/2025/17', `${base}/ban-tin/2025/17`],
    ['bài /bai-viet/…', `${base}/bai-viet/lay-nguoi-dan-lam-trung-tam-phuc-vu`],
    ['chủ đề /chu-de/chuyen-doi-so', `${base}/chu-de/chuyen-doi-so`],
    ['tìm "chuyen doi so"', `${base}/tim-kiem?q=chuyen+doi+so`],
    ['tìm "thủ tục hành chính"', `${base}/tim-kiem?q=${encodeURIComponent('thủ tục hành chính')}`],
    ['tìm từ hiếm "vnexpress"', `${base}/tim-kiem?q=vnexpress`],
  ];
  const rows: (LoadResult & { name: string })[] = [];
  for (const [name, url] of pages) {
    await ok(url);
    say(`${name}…`);
    rows.push({ name, ...(await runWrk(url, { connections: CONNECTIONS, threads: THREADS, seconds: SECONDS })) });
  }

  const framework = rows[1]!.rps;
  console.log(`\nwrk ${THREADS} luồng, ${CONNECTIONS} kết nối, ${SECONDS} s mỗi trang; 2.000 số, 20.000+ bài viết.\n`);
  console.log(
    'trang'.padEnd(38),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'lỗi'.padStart(6),
    '/ trần fw'.padStart(10),
  );
  for (const row of rows) {
    console.log(
      row.name.padEnd(38),
      row.rps.toFixed(0).padStart(8),
      row.p50.toFixed(1).padStart(8),
      row.p99.toFixed(1).padStart(8),
      String(row.errors).padStart(6),
      `${((row.rps / framework) * 100).toFixed(1)}%`.padStart(10),
    );
  }
} finally {
  await stopProcess(next);
  await stopProcess(ceiling);
  await rm(temp, { recursive: true, force: true });
  await database.stop();
}
