import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTarget, tableCount, type Target } from '../server/backup/helpers';

// The commands as docs/deploy.md runs them: `npm run backup -- --out FILE`, `npm run restore -- FILE`.
const exec = promisify(execFile);
let dir: string;
let target: Target;

function npmRun(args: string[], env: Record<string, string>) {
  return exec('npm', ['run', '--silent', ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-commands-'));
  target = await emptyTarget();
});

afterAll(async () => {
  await target.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  it('backs up, restores into an empty target, and refuses it the second time without --force', async () => {
    const file = path.join(dir, 'ban-tin.tar');
    const source = { DATABASE_URL: process.env.DATABASE_URL!, MEDIA_ROOT: process.env.MEDIA_ROOT! };
    const backup = await npmRun(['backup', '--', '--out', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Đã sao lưu vào .*ban-tin\.tar \([\d,]+ MB\): \d+ bảng, \d+ dòng, \d+ tệp ảnh; migration \d+_\w+\.$/m);

    const into = { DATABASE_URL: target.url, MEDIA_ROOT: target.mediaRoot };
    const restored = await npmRun(['restore', '--', file], into);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/Đã khôi phục bản sao lưu .* \d+ tệp ảnh .* số dòng và mã SHA-256 khớp bản kê\./);
    expect(await tableCount(target.url)).toBeGreaterThan(10);

    const again = await npmRun(['restore', '--', file], into);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Khôi phục thất bại: Cơ sở dữ liệu đích đã có \d+ bảng\..*--force/);
  }, 120_000);

  it('explains its usage', async () => {
    expect(await npmRun(['backup'], {})).toMatchObject({ code: 2, stderr: expect.stringContaining('Cách dùng: npm run backup -- --out') });
    expect(await npmRun(['restore'], {})).toMatchObject({ code: 2, stderr: expect.stringContaining('Cách dùng: npm run restore --') });
  });
});
