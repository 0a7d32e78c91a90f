import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, type BackupResult } from '@/server/backup/create';
import { ArchiveExistsError, BackupError } from '@/server/backup/errors';
import { restoreBackup } from '@/server/backup/restore';
import { tarEnd, tarHeader, tarPadding } from '@/server/backup/tar';
import { codeMigrations } from '@/server/db/migration-status';
import { checksums, emptyTarget, query, renderIssue17, tableCount, type Target } from './helpers';

const run = promisify(execFile);

let dir: string;
let backup: BackupResult;
let knownMigrations: string[];
const targets: Target[] = [];

async function target(): Promise<Target> {
  const created = await emptyTarget();
  targets.push(created);
  return created;
}

const restoreInto = (into: Target, file = backup.file, force = false) =>
  restoreBackup({ databaseUrl: into.url, mediaRoot: into.mediaRoot, file, force, knownMigrations });

async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${name}"`))[0]!.n);
  return counts;
}

/** The target exactly as an empty one: no table, no media directory. */
async function expectUntouched(into: Target) {
  expect(await tableCount(into.url)).toBe(0);
  expect(await checksums(into.mediaRoot)).toEqual({});
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-backup-test-'));
  knownMigrations = await codeMigrations();
  backup = await createBackup({
    databaseUrl: process.env.DATABASE_URL!,
    mediaRoot: process.env.MEDIA_ROOT!,
    out: path.join(dir, 'sao-luu.tar'),
  });
}, 120_000);

afterAll(async () => {
  for (const created of targets) await created.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run backup / restore round trip', () => {
  it('writes one tar with the dump, every media file and a manifest of the snapshot', async () => {
    const { stdout } = await run('tar', ['tf', backup.file]);
    const names = stdout.trim().split('\n');
    expect(names[0]).toBe('database.dump');
    expect(names.at(-1)).toBe('manifest.json');
    expect(names.filter((name) => name.startsWith('media/'))).toHaveLength(backup.manifest.files.length - 1);
    expect(backup.manifest.migration).toBe(knownMigrations.at(-1));
    expect(backup.manifest.tables).toEqual(await rowCounts(process.env.DATABASE_URL!));
    // Two files (web, print) per image row; other test files may add uploads to the shared directory.
    expect(backup.manifest.files.length - 1).toBeGreaterThanOrEqual(backup.manifest.tables.Media! * 2);
  });

  it('restores into a fresh database and directory: same rows, same files, same Số 17 page and PDF', async () => {
    const into = await target();
    const result = await restoreInto(into);
    expect(result.pendingMigrations).toEqual([]);
    expect(await rowCounts(into.url)).toEqual(backup.manifest.tables);
    const restored = await checksums(into.mediaRoot);
    const original = await checksums(process.env.MEDIA_ROOT!);
    const listed = backup.manifest.files.filter((file) => file.path.startsWith('media/')).map((file) => file.path.slice('media/'.length));
    expect(Object.keys(restored).sort()).toEqual(listed.sort());
    for (const name of listed) expect(restored[name], name).toBe(original[name]);

    const before = await renderIssue17(process.env.DATABASE_URL!, process.env.MEDIA_ROOT!);
    const after = await renderIssue17(into.url, into.mediaRoot);
    expect(after.html).toContain('Theo Thu Giang - https://baochinhphu.vn/');
    expect(after.html).toBe(before.html);
    expect(after.pdf.equals(before.pdf)).toBe(true);
  }, 180_000);

  it('refuses a target that has content, and replaces it with --force', async () => {
    const into = await target();
    await restoreInto(into);
    await expect(restoreInto(into)).rejects.toThrow(/đã có \d+ bảng.*--force/);
    await query(into.url, `INSERT INTO "Tag" (name, slug) VALUES ('Chủ đề thêm sau', 'chu-de-them-sau')`);
    await writeFile(path.join(into.mediaRoot, 'la.txt'), 'không thuộc bản sao lưu');
    await restoreInto(into, backup.file, true);
    expect(await rowCounts(into.url)).toEqual(backup.manifest.tables);
    expect(await query(into.url, `SELECT id FROM "Tag" WHERE slug = 'chu-de-them-sau'`)).toEqual([]);
    expect(Object.keys(await checksums(into.mediaRoot))).not.toContain('la.txt');
  }, 120_000);

  it('refuses a truncated archive and leaves the target untouched', async () => {
    const into = await target();
    const cut = path.join(dir, 'cat-cut.tar');
    await writeFile(cut, await readFile(backup.file));
    await truncate(cut, Math.floor(backup.size / 2));
    await expect(restoreInto(into, cut)).rejects.toThrow(/cắt cụt/);
    await expectUntouched(into);
  });

  it('refuses an archive whose bytes were changed and leaves the target untouched', async () => {
    const into = await target();
    const bytes = await readFile(backup.file);
    // A byte inside the first media file's content (the second entry, after the dump).
    const mediaEntry = bytes.indexOf(Buffer.from('media/'), 512);
    const damaged = Buffer.from(bytes);
    damaged[mediaEntry + 512 + 700] = damaged[mediaEntry + 512 + 700]! ^ 0xff;
    const file = path.join(dir, 'bi-sua.tar');
    await writeFile(file, damaged);
    await expect(restoreInto(into, file)).rejects.toThrow(/SHA-256 của media\/.* khác với bản kê/);
    await expectUntouched(into);
  });

  it('refuses an entry outside the media directory, whatever the manifest says', async () => {
    const into = await target();
    const evil = Buffer.from('x');
    const file = path.join(dir, 'doc-hai.tar');
    await writeFile(file, Buffer.concat([tarHeader('media/../../../etc/cron.d/x', 1, new Date()), evil, tarPadding(1), tarEnd()]));
    await expect(restoreInto(into, file)).rejects.toThrow(BackupError);
    await expect(restoreInto(into, file)).rejects.toThrow(/mục không được phép/);
    await expectUntouched(into);
  });

  it('never overwrites an existing file', async () => {
    await expect(
      createBackup({ databaseUrl: process.env.DATABASE_URL!, mediaRoot: process.env.MEDIA_ROOT!, out: backup.file }),
    ).rejects.toThrow(ArchiveExistsError);
  });
});
