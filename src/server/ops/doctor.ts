import 'server-only';
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { formatBytes } from '@/lib/bytes';
import { formatDateTime, TIME_ZONE, toVietnamIsoLocal } from '@/lib/dates';
import { findPgTools } from '../backup/pg-tools';
import { APPLIED_MIGRATIONS_SQL, codeMigrations, compareMigrations } from '../db/migration-status';
import { environmentProblems, getScriptEnv } from '../env';
import { diskSpace } from './readiness';

// `npm run doctor`: what is missing or unsafe in this installation, in words an administrator
// can act on. Each check reads the environment through env.ts and the database directly
// (it must work when the app does not start).

export type CheckLevel = 'ok' | 'warn' | 'error';
export type Check = { level: CheckLevel; title: string; detail: string };

export type DoctorContext = {
  env: Record<string, string | undefined>;
  /** The database the app would use, or null when none can be reached. */
  databaseUrl: string | null;
  /** Where `npm start` keeps the generated sign-in key when NEXTAUTH_SECRET is unset. */
  savedSecretFile: string;
  now?: Date;
};

const GIB = 1024 ** 3;
const MAX_BACKUP_AGE_HOURS = 26;
const MAX_CLOCK_SKEW_MS = 5_000;

const ok = (title: string, detail: string): Check => ({ level: 'ok', title, detail });
const warn = (title: string, detail: string): Check => ({ level: 'warn', title, detail });
const error = (title: string, detail: string): Check => ({ level: 'error', title, detail });

function configurationChecks(context: DoctorContext): Check[] {
  const problems = environmentProblems(context.env);
  if (problems.length) return problems.map((problem) => error('Biến môi trường', problem.replace(/^Biến môi trường /, '')));
  const env = getScriptEnv(context.env);
  const isProduction = env.NODE_ENV === 'production';
  const checks: Check[] = [];
  if (env.NEXTAUTH_SECRET) checks.push(ok('NEXTAUTH_SECRET', `đã đặt (${env.NEXTAUTH_SECRET.length} ký tự).`));
  else if (isProduction) {
    checks.push(
      error(
        'NEXTAUTH_SECRET',
        'chưa đặt: bắt buộc khi NODE_ENV=production. Tạo bằng: openssl rand -base64 32, ghi vào tệp môi trường của dịch vụ.',
      ),
    );
  } else if (existsSync(context.savedSecretFile)) {
    checks.push(ok('NEXTAUTH_SECRET', `chưa đặt; npm start dùng khóa đã tạo trong ${context.savedSecretFile}.`));
  } else checks.push(warn('NEXTAUTH_SECRET', 'chưa đặt; npm start sẽ tự tạo một khóa trong .data/auth-secret (chỉ hợp cho máy thử).'));

  const site = env.PUBLIC_BASE_URL;
  const auth = env.NEXTAUTH_URL ?? site;
  if (isProduction && /^http:\/\/(localhost|127\.)/.test(site)) {
    checks.push(error('PUBLIC_BASE_URL', `vẫn là ${site}: đặt địa chỉ thật của trang, ví dụ https://bantin.sonoivu.laichau.gov.vn.`));
  } else if (isProduction && !site.startsWith('https://')) {
    checks.push(
      error(
        'PUBLIC_BASE_URL',
        `trang chạy bằng HTTP (${site}): mật khẩu và phiên đăng nhập đi qua mạng không mã hoá. Đặt HTTPS ở nginx (docs/deploy.md) và PUBLIC_BASE_URL=https://….`,
      ),
    );
  } else checks.push(ok('PUBLIC_BASE_URL', site));
  if (isProduction && !auth.startsWith('https://')) {
    checks.push(error('NEXTAUTH_URL', `${auth} không phải https://: cookie đăng nhập sẽ không có cờ Secure.`));
  }
  if (isProduction && !env.DATABASE_URL) {
    checks.push(
      warn(
        'DATABASE_URL',
        'chưa đặt: dùng PostgreSQL nhúng trong .data/postgres. Được, nhưng nên dùng PostgreSQL của hệ thống (docs/deploy.md).',
      ),
    );
  }
  return checks;
}

function clockChecks(now: Date): Check[] {
  const checks: Check[] = [];
  try {
    const hour = toVietnamIsoLocal(now).slice(11, 13);
    const expected = String((now.getUTCHours() + 7) % 24).padStart(2, '0');
    if (hour !== expected) throw new Error(`giờ ${hour}, cần ${expected}`);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    checks.push(
      ok('Múi giờ', `giờ Việt Nam hiện là ${formatDateTime(now)}; múi giờ của máy là ${zone} (ứng dụng luôn hiển thị giờ ${TIME_ZONE}).`),
    );
  } catch (cause) {
    checks.push(error('Múi giờ', `Node.js không tính được giờ ${TIME_ZONE} (${(cause as Error).message}): cần Node.js có đủ dữ liệu ICU.`));
  }
  return checks;
}

async function ntpCheck(): Promise<Check | null> {
  try {
    const { stdout } = await promisify(execFile)('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], { timeout: 5000 });
    return stdout.trim() === 'yes'
      ? ok('Đồng bộ giờ', 'đồng hồ máy được đồng bộ qua NTP.')
      : warn('Đồng bộ giờ', 'đồng hồ máy chưa đồng bộ NTP: lịch xuất bản và sao lưu theo giờ máy. Bật bằng: timedatectl set-ntp true.');
  } catch {
    return null;
  }
}

async function diskChecks(directories: { label: string; path: string }[]): Promise<Check[]> {
  const checks: Check[] = [];
  for (const directory of directories) {
    const space = await diskSpace(directory.path);
    const detail = `còn trống ${formatBytes(space.freeBytes)} / ${formatBytes(space.totalBytes)} (${directory.path}).`;
    const share = space.totalBytes ? space.freeBytes / space.totalBytes : 1;
    if (space.freeBytes < 0.2 * GIB) checks.push(error(`Dung lượng ${directory.label}`, `gần hết: ${detail}`));
    else if (space.freeBytes < GIB || share < 0.1) checks.push(warn(`Dung lượng ${directory.label}`, `sắp hết: ${detail}`));
    else checks.push(ok(`Dung lượng ${directory.label}`, detail));
  }
  return checks;
}

type BackupRow = { status: string; finishedAt: Date | null; error: string | null; byteSize: string | null };

async function databaseChecks(client: pg.Client, isProduction: boolean, now: Date): Promise<{ checks: Check[]; backupDir: string | null }> {
  const checks: Check[] = [];
  const { rows: clock } = await client.query<{ now: Date; version: string }>(
    `SELECT now() AS now, current_setting('server_version') AS version`,
  );
  checks.push(ok('Cơ sở dữ liệu', `kết nối được PostgreSQL ${clock[0]!.version.split(' ')[0]}.`));
  const skew = Math.abs(clock[0]!.now.getTime() - now.getTime());
  if (skew > MAX_CLOCK_SKEW_MS)
    checks.push(warn('Đồng hồ', `đồng hồ máy này lệch ${Math.round(skew / 1000)} giây so với máy PostgreSQL: hãy đồng bộ NTP cả hai máy.`));

  const hasMigrations = (await client.query(`SELECT to_regclass('public._prisma_migrations') AS name`)).rows[0]?.name;
  const applied = hasMigrations ? (await client.query<{ name: string }>(APPLIED_MIGRATIONS_SQL)).rows.map((row) => row.name) : [];
  const status = compareMigrations(applied, await codeMigrations());
  if (status.unknown.length) {
    checks.push(
      error(
        'Migration',
        `cơ sở dữ liệu đã chạy ${status.unknown.join(', ')} mà mã nguồn này không có: mã nguồn cũ hơn cơ sở dữ liệu; hãy cập nhật mã nguồn.`,
      ),
    );
  } else if (status.pending.length) {
    checks.push(
      warn(
        'Migration',
        `chưa áp dụng ${status.pending.join(', ')}: npm start (hoặc npm run db:migrate) sẽ áp dụng; sao lưu trước khi nâng cấp.`,
      ),
    );
  } else checks.push(ok('Migration', `đúng phiên bản (${status.current}).`));

  if (!(await client.query(`SELECT to_regclass('public."BackupRun"') AS name`)).rows[0]?.name) return { checks, backupDir: null };
  const settings = (
    await client.query<{ isEnabled: boolean; directory: string; dailyTime: string }>(
      `SELECT "isEnabled", directory, "dailyTime" FROM "BackupSettings" WHERE id = 1`,
    )
  ).rows[0];
  const backups = await client.query<BackupRow>(
    `SELECT status, "finishedAt", error, "byteSize"::text FROM "BackupRun" WHERE status <> 'RUNNING' ORDER BY "finishedAt" DESC LIMIT 20`,
  );
  const lastSuccess = backups.rows.find((row) => row.status === 'SUCCEEDED');
  const serious = isProduction ? error : warn;
  if (!settings?.isEnabled) checks.push(serious('Sao lưu tự động', 'đang tắt: bật ở /quan-tri/sao-luu (giờ, số bản giữ lại, thư mục).'));
  else checks.push(ok('Sao lưu tự động', `mỗi ngày lúc ${settings.dailyTime} vào ${settings.directory}.`));
  if (!lastSuccess) {
    checks.push(
      serious(
        'Bản sao lưu',
        'chưa có bản sao lưu thành công nào: chạy npm run backup -- --out /đường/dẫn/tệp.tar hoặc bật sao lưu tự động.',
      ),
    );
  } else {
    const hours = (now.getTime() - lastSuccess.finishedAt!.getTime()) / 3600_000;
    const detail = `bản thành công gần nhất lúc ${formatDateTime(lastSuccess.finishedAt!)} (${formatBytes(Number(lastSuccess.byteSize ?? 0))}).`;
    checks.push(
      hours > MAX_BACKUP_AGE_HOURS ? serious('Bản sao lưu', `đã cũ (${Math.round(hours)} giờ): ${detail}`) : ok('Bản sao lưu', detail),
    );
  }
  const last = backups.rows[0];
  if (last?.status === 'FAILED') checks.push(warn('Lần sao lưu gần nhất', `thất bại: ${last.error ?? 'không rõ lỗi'}`));
  return { checks, backupDir: settings?.directory ?? null };
}

function writableCheck(label: string, directory: string): Check {
  let existing = directory;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return ok(label, `${directory} ghi được.`);
  } catch {
    return error(label, `${directory} không ghi được với người dùng đang chạy ứng dụng.`);
  }
}

export async function runDoctor(context: DoctorContext): Promise<Check[]> {
  const now = context.now ?? new Date();
  const checks = [...configurationChecks(context), ...clockChecks(now)];
  const ntp = await ntpCheck();
  if (ntp) checks.push(ntp);
  if (checks.some((check) => check.title === 'Biến môi trường')) return checks;
  const env = getScriptEnv(context.env);
  checks.push(writableCheck('Thư mục ảnh', env.mediaRoot));
  const directories = [{ label: 'thư mục ảnh', path: env.mediaRoot }];
  if (!context.databaseUrl) {
    checks.push(error('Cơ sở dữ liệu', 'không kết nối được: kiểm tra DATABASE_URL và máy chủ PostgreSQL.'));
    return [...checks, ...(await diskChecks(directories))];
  }
  const client = new pg.Client({ connectionString: context.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { checks: fromDatabase, backupDir } = await databaseChecks(client, env.NODE_ENV === 'production', now);
    checks.push(...fromDatabase);
    if (backupDir) {
      checks.push(writableCheck('Thư mục sao lưu', backupDir));
      if (path.resolve(backupDir).startsWith(path.resolve(env.mediaRoot) + path.sep)) {
        checks.push(error('Thư mục sao lưu', 'nằm trong thư mục ảnh: chọn thư mục khác.'));
      }
      directories.push({ label: 'thư mục sao lưu', path: backupDir });
    }
    const major = Math.floor(
      Number((await client.query<{ n: string }>(`SELECT current_setting('server_version_num') AS n`)).rows[0]!.n) / 10000,
    );
    try {
      const tools = await findPgTools(major);
      checks.push(ok('pg_dump', `bản ${tools.major} từ ${tools.source}.`));
    } catch (cause) {
      checks.push(error('pg_dump', (cause as Error).message));
    }
  } catch (cause) {
    checks.push(error('Cơ sở dữ liệu', `không kết nối được: ${(cause as Error).message}. Kiểm tra DATABASE_URL và máy chủ PostgreSQL.`));
  } finally {
    await client.end().catch(() => undefined);
  }
  return [...checks, ...(await diskChecks(directories))];
}

const MARKS: Record<CheckLevel, string> = { ok: '✓', warn: '!', error: '✗' };

export function formatReport(checks: Check[]): string {
  const errors = checks.filter((check) => check.level === 'error').length;
  const warnings = checks.filter((check) => check.level === 'warn').length;
  const lines = checks.map((check) => `${MARKS[check.level]} ${check.title}: ${check.detail}`);
  lines.push(errors || warnings ? `Kết quả: ${errors} lỗi, ${warnings} cảnh báo.` : 'Kết quả: cấu hình ổn.');
  return lines.join('\n');
}
