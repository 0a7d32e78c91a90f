import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db/client';
import { formatReport, runDoctor, type Check } from '@/server/ops/doctor';

const run = promisify(execFile);
let dir: string;

const production = (extra: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'production',
  DATABASE_URL: process.env.DATABASE_URL,
  MEDIA_ROOT: process.env.MEDIA_ROOT,
  PUBLIC_BASE_URL: 'https://bantin.sonoivu.laichau.gov.vn',
  NEXTAUTH_SECRET: 'k'.repeat(44),
  ...extra,
});

const doctor = (env: Record<string, string | undefined>, databaseUrl: string | null = process.env.DATABASE_URL!, now?: Date) =>
  runDoctor({ env, databaseUrl, savedSecretFile: path.join(dir, 'auth-secret'), now });

const find = (checks: Check[], title: string) => checks.filter((check) => check.title === title);
const errorsOf = (checks: Check[]) => checks.filter((check) => check.level === 'error').map((check) => check.title);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-doctor-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run doctor', () => {
  it('flags a production install without a sign-in key, on HTTP, with no backups', async () => {
    const checks = await doctor(production({ NEXTAUTH_SECRET: undefined, PUBLIC_BASE_URL: 'http://bantin.sonoivu.laichau.gov.vn' }));
    expect(errorsOf(checks)).toEqual(
      expect.arrayContaining(['NEXTAUTH_SECRET', 'PUBLIC_BASE_URL', 'NEXTAUTH_URL', 'Sao lưu tự động', 'Bản sao lưu']),
    );
    expect(find(checks, 'PUBLIC_BASE_URL')[0]!.detail).toMatch(/HTTP.*HTTPS ở nginx/);
    expect(find(checks, 'Bản sao lưu')[0]!.detail).toMatch(/chưa có bản sao lưu thành công nào: chạy npm run backup/);
    expect(find(checks, 'Migration')[0]).toMatchObject({ level: 'ok' });
    expect(find(checks, 'pg_dump')[0]).toMatchObject({ level: 'ok' });
    expect(find(checks, 'Múi giờ')[0]).toMatchObject({ level: 'ok' });
  });

  it('passes a production install with HTTPS, a key and a recent backup; an old backup is flagged', async () => {
    await getDb().backupSettings.create({ data: { id: 1, isEnabled: true, dailyTime: '02:30', keepCount: 14, directory: dir } });
    const finishedAt = new Date('2026-11-30T19:30:00Z');
    await getDb().backupRun.create({
      data: {
        trigger: 'SCHEDULED',
        slot: '2026-12-01',
        hostname: 'may-chu',
        status: 'SUCCEEDED',
        file: `${dir}/a.tar`,
        byteSize: 3_000_000n,
        finishedAt,
      },
    });
    const fresh = await doctor(production(), process.env.DATABASE_URL!, new Date(finishedAt.getTime() + 3600_000));
    expect(errorsOf(fresh)).toEqual([]);
    expect(find(fresh, 'Bản sao lưu')[0]!.detail).toMatch(/02:30 \(2,9 MB\)/);
    const stale = await doctor(production(), process.env.DATABASE_URL!, new Date(finishedAt.getTime() + 30 * 3600_000));
    expect(find(stale, 'Bản sao lưu')[0]).toMatchObject({ level: 'error', detail: expect.stringMatching(/đã cũ \(30 giờ\)/) });
  });

  it('names a bad variable and an unreachable database', async () => {
    expect(errorsOf(await doctor(production({ PORT: 'ba nghìn' })))).toEqual(['Biến môi trường']);
    const unreachable = await doctor(production(), 'postgresql://nobody@127.0.0.1:1/none');
    expect(find(unreachable, 'Cơ sở dữ liệu')[0]).toMatchObject({ level: 'error', detail: expect.stringMatching(/không kết nối được/) });
  });

  it('prints one line per check and a summary, and exits 1 on an error', async () => {
    expect(formatReport([{ level: 'ok', title: 'A', detail: 'tốt.' }])).toBe('✓ A: tốt.\nKết quả: cấu hình ổn.');
    const failed = await run('node', ['--import', 'tsx', '--conditions=react-server', 'scripts/doctor.ts'], {
      env: { ...process.env, ...production({ NEXTAUTH_SECRET: undefined }) } as NodeJS.ProcessEnv,
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^✗ NEXTAUTH_SECRET: chưa đặt: bắt buộc khi NODE_ENV=production/m);
    expect(failed.stdout).toMatch(/^Kết quả: \d+ lỗi, \d+ cảnh báo\.$/m);
  });
});
