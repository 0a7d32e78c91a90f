// The production server both web benchmarks measure: built by the rule of `npm start` (when the
// hash of what the build reads has changed; a throwaway NEXTAUTH_SECRET unless one is set) and
// served by the server `npm start` runs (scripts/server.mjs), not `next start`: stored public
// pages leave from it before Next's handler.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildEnvironment, needsBuild, nextBin, recordBuild, sourceHash } from '../../scripts/lib/build-hash.ts';
import { projectRoot } from '../../scripts/lib/database.ts';

export type ProductionServer = { child: ChildProcess; base: string };

export function productionEnvironment(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
}

async function build(env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<void> {
  const hash = sourceHash(projectRoot, buildEnvironment(env));
  if (!needsBuild(projectRoot, hash)) return say('Bản build production còn mới, dùng lại.');
  say('Build production (vài phút)…');
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: projectRoot, env, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error('next build thất bại; xem lỗi ở trên.');
  recordBuild(projectRoot, hash);
}

/** Resolves once `url` answers 2xx; throws if `child` exits first or after 90 s. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: tiến trình máy chủ đã dừng (mã ${child.exitCode}).`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} không phản hồi sau 90 giây.`);
}

/** Builds if needed, starts on `port` and waits for /api/health. */
export async function startProductionServer(databaseUrl: string, port: number, say: (line: string) => void): Promise<ProductionServer> {
  const env = productionEnvironment(databaseUrl, port);
  await build(env, say);
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/server.mjs')], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child);
  return { child, base };
}
