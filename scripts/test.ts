// `npm test`: lint, then unit, integration (real PostgreSQL), end-to-end (production build, real
// Chromium) and security (attacks over HTTP against the same build) tests, in that order; exits non-zero on any failure and ends with one line
// "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './lib/database.ts';
import { prepareDatabase } from './lib/prepare.ts';
import { ensureSystemPackages } from './lib/system-deps.ts';
import { startTestServer, withAdmin, dropDatabase } from '../tests/setup/test-database.ts';

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function addVitestCounts(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const report = JSON.parse(await readFile(file, 'utf8'));
  total.passed += report.numPassedTests ?? 0;
  total.failed += report.numFailedTests ?? 0;
  total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

async function addPlaywrightCounts(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(await readFile(file, 'utf8'));
  total.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  total.failed += stats?.unexpected ?? 0;
  total.skipped += stats?.skipped ?? 0;
}

async function vitest(project: 'unit' | 'integration'): Promise<number> {
  const output = path.join(projectRoot, `test-results/${project}.json`);
  await rm(output, { force: true });
  const code = await run(bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  await addVitestCounts(output);
  return code;
}

/** The Playwright projects (e2e, security): one database, one production build, one server. */
async function endToEnd(projects: string[]): Promise<number> {
  const server = await startTestServer();
  const database = `bantin_e2e_${process.pid}`;
  const mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'bantin-e2e-media-'));
  try {
    await withAdmin(server.adminUrl('postgres'), (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`));
    const url = server.adminUrl(database);
    process.env.MEDIA_ROOT = mediaRoot;
    await prepareDatabase(url, { includeDemoAccounts: true });
    const env = {
      ...process.env,
      DATABASE_URL: url,
      MEDIA_ROOT: mediaRoot,
      NODE_ENV: 'production' as const,
      NEXTAUTH_SECRET: crypto.randomUUID(),
      // The security suite connects from 127.0.0.2 to play a reverse proxy (tests/security).
      TRUSTED_PROXIES: '127.0.0.2',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    console.log('\n▶ Build production cho kiểm thử đầu-cuối');
    const buildCode = await run(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], env);
    if (buildCode !== 0) {
      total.failed += 1;
      return buildCode;
    }
    const output = path.join(projectRoot, 'test-results/playwright.json');
    await rm(output, { force: true });
    const args = ['test', ...projects.map((project) => `--project=${project}`), ...playwrightFiles];
    const code = await run(bin('playwright'), args, env);
    await addPlaywrightCounts(output);
    return code;
  } finally {
    await dropDatabase(server.adminUrl('postgres'), database).catch(() => undefined);
    await server.stop();
    await rm(mediaRoot, { recursive: true, force: true });
  }
}

// `npm test -- e2e` (or lint, unit, integration, security) runs only the named stages;
// `npm test -- security tests/security/sign-in.spec.ts` only some files.
const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('tests/'));
const playwrightFiles = process.argv.slice(2).filter((arg) => /^tests\/(e2e|security)\//.test(arg));
const runs = (stage: string) => chosen.length === 0 || chosen.includes(stage);

ensureSystemPackages();
const codes: number[] = [];
if (runs('lint')) {
  console.log('▶ Kiểm tra mã (ESLint)');
  const lintCode = await run(bin('eslint'), ['.', '--max-warnings=0']);
  if (lintCode !== 0) total.failed += 1;
  codes.push(lintCode);
  console.log('▶ Kiểm tra định dạng (Prettier)');
  const formatCode = await run(bin('prettier'), ['--check', '.', '--log-level=warn']);
  if (formatCode !== 0) total.failed += 1;
  codes.push(formatCode);
}
if (runs('unit')) {
  console.log('\n▶ Kiểm thử đơn vị');
  codes.push(await vitest('unit'));
}
if (runs('integration')) {
  console.log('\n▶ Kiểm thử tích hợp (PostgreSQL thật)');
  codes.push(await vitest('integration'));
}
const playwrightProjects = ['e2e', 'security'].filter(runs);
if (playwrightProjects.length > 0) {
  console.log(`\n▶ Kiểm thử đầu-cuối (Chromium) và bảo mật (HTTP): ${playwrightProjects.join(', ')}`);
  codes.push(await endToEnd(playwrightProjects));
}

// Counted failures fail the run even if a runner's exit code said otherwise.
const failedStage = codes.some((code) => code !== 0) || total.failed > 0;
if (failedStage && total.failed === 0) total.failed = 1;
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedStage ? 1 : 0);
