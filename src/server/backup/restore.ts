import 'server-only';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { countTables, libpqTarget, liveAppServers, readStats, runTool, serverMajor, withClient, ToolError } from './database';
import { BackupError, isDiskFull } from './errors';
import { DUMP_NAME, MANIFEST_NAME, isArchiveFileName, manifestSchema, type Manifest } from './manifest';
import { findPgTools } from './pg-tools';
import { readTar, TarFormatError } from './tar';

// Restores an archive into an empty database and an empty media directory. The whole archive
// is read and checked against its manifest before the target is touched: a truncated or
// altered archive is refused with the target as it was. The database is restored in one
// transaction; the media directory is swapped in by rename once the database is in.

export type RestoreOptions = {
  databaseUrl: string;
  mediaRoot: string;
  file: string;
  /** Replace a target that has content. */
  force?: boolean;
  /** The migrations this code knows: a backup from newer code is refused. */
  knownMigrations: string[];
};

export type RestoreResult = { manifest: Manifest; mediaFiles: number; pendingMigrations: string[] };

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

type Staged = { manifest: Manifest; hashes: Map<string, { size: number; sha256: string }> };

/** Reads the archive into `staging` (dump and media/), hashing every entry on the way. */
async function stageArchive(file: string, staging: string): Promise<Staged> {
  const hashes = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | null = null;
  try {
    for await (const entry of readTar(createReadStream(file))) {
      if (entry.type === '5' && entry.name.replace(/\/$/, '') !== '') continue;
      if (entry.name === MANIFEST_NAME && entry.type === '0') {
        if (manifestText !== null || entry.size > MAX_MANIFEST_BYTES)
          throw new BackupError('Tệp sao lưu có bản kê (manifest.json) không hợp lệ.');
        const chunks: Buffer[] = [];
        for await (const chunk of entry.content) chunks.push(chunk);
        manifestText = Buffer.concat(chunks).toString('utf8');
        continue;
      }
      if (entry.type !== '0' || !isArchiveFileName(entry.name) || hashes.has(entry.name)) {
        throw new BackupError(`Tệp sao lưu có mục không được phép: ${JSON.stringify(entry.name).slice(0, 200)}. Không khôi phục gì.`);
      }
      const target = path.join(staging, entry.name);
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      const handle = await open(target, 'wx', 0o644);
      try {
        for await (const chunk of entry.content) {
          hash.update(chunk);
          await handle.write(chunk);
        }
      } finally {
        await handle.close();
      }
      hashes.set(entry.name, { size: entry.size, sha256: hash.digest('hex') });
    }
  } catch (error) {
    if (error instanceof TarFormatError) {
      throw new BackupError(`${error.message} Tệp này không dùng để khôi phục được; hãy dùng bản sao lưu khác. Không khôi phục gì.`);
    }
    throw error;
  }
  if (manifestText === null) {
    throw new BackupError('Tệp sao lưu không có bản kê (manifest.json): có thể bị cắt cụt hoặc không phải bản sao lưu của Bản tin CCHC.');
  }
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestText));
  } catch {
    throw new BackupError('Bản kê (manifest.json) của tệp sao lưu không đọc được hoặc sai định dạng. Không khôi phục gì.');
  }
  return { manifest, hashes };
}

/** Every listed file present with its size and digest, nothing unlisted, a database dump. */
function verifyAgainstManifest({ manifest, hashes }: Staged): void {
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  if (!listed.has(DUMP_NAME)) throw new BackupError('Bản kê không có tệp cơ sở dữ liệu (database.dump). Không khôi phục gì.');
  for (const [name, expected] of listed) {
    const actual = hashes.get(name);
    if (!actual) throw new BackupError(`Tệp sao lưu thiếu ${name} (có trong bản kê): có thể bị cắt cụt. Không khôi phục gì.`);
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw new BackupError(`Tệp sao lưu đã bị sửa hoặc hỏng: mã SHA-256 của ${name} khác với bản kê. Không khôi phục gì.`);
    }
  }
  for (const name of hashes.keys()) {
    if (!listed.has(name)) throw new BackupError(`Tệp sao lưu có ${name} không nằm trong bản kê: đã bị sửa. Không khôi phục gì.`);
  }
}

async function isEmptyDirectory(directory: string): Promise<boolean> {
  return !existsSync(directory) || (await readdir(directory)).length === 0;
}

/** Refuses a target in use or, without force, one that has content. */
async function checkTarget(client: pg.Client, mediaRoot: string, force: boolean): Promise<void> {
  const live = await liveAppServers(client);
  if (live.length) {
    throw new BackupError(`Ứng dụng đang chạy trên cơ sở dữ liệu này: ${live.join(', ')}. Hãy dừng mọi máy chủ ứng dụng rồi khôi phục.`);
  }
  if (force) return;
  const tables = await countTables(client);
  if (tables > 0) {
    throw new BackupError(
      `Cơ sở dữ liệu đích đã có ${tables} bảng. Khôi phục cần một cơ sở dữ liệu trống; thêm --force để xoá nội dung hiện có và thay bằng bản sao lưu.`,
    );
  }
  if (!(await isEmptyDirectory(mediaRoot))) {
    throw new BackupError(
      `Thư mục ảnh ${mediaRoot} không trống. Khôi phục cần thư mục trống; thêm --force để thay nội dung của nó bằng bản sao lưu.`,
    );
  }
}

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name}: ${actual[name] ?? 'không có'} thay vì ${expected[name] ?? 'không có'}`);
}

export async function restoreBackup({
  databaseUrl,
  mediaRoot,
  file,
  force = false,
  knownMigrations,
}: RestoreOptions): Promise<RestoreResult> {
  const archive = path.resolve(file);
  if (!existsSync(archive)) throw new BackupError(`Không thấy tệp sao lưu ${archive}.`);
  const root = path.resolve(mediaRoot);
  await withClient(databaseUrl, (client) => checkTarget(client, root, force));
  // Next to the media directory, so the media are moved into place by a rename.
  await mkdir(path.dirname(root), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(root), '.khoi-phuc-'));
  try {
    const staged = await stageArchive(archive, staging);
    verifyAgainstManifest(staged);
    const { manifest } = staged;
    const unknown = manifest.migrations.filter((name) => !knownMigrations.includes(name));
    if (unknown.length) {
      throw new BackupError(
        `Bản sao lưu đến từ phiên bản ứng dụng mới hơn (migration ${unknown.join(', ')}). Hãy cập nhật mã nguồn rồi khôi phục.`,
      );
    }
    await withClient(databaseUrl, async (client) => {
      await checkTarget(client, root, force);
      const server = await serverMajor(client);
      const tools = await findPgTools(server.major, manifest.postgres.dumpMajor);
      if (force) await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
      const target = libpqTarget(databaseUrl);
      await runTool(
        tools.pgRestore,
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${target.url}`,
          path.join(staging, DUMP_NAME),
        ],
        target.env,
      );
      const differences = compareCounts(manifest.tables, (await readStats(client)).tables);
      if (differences.length) throw new BackupError(`Số dòng sau khi khôi phục khác bản kê (${differences.join('; ')}).`);
      // Rows of the source's moment that mean nothing here: its running backup, its servers.
      if ('BackupRun' in manifest.tables) {
        await client.query(
          `UPDATE "BackupRun" SET status = 'FAILED', "finishedAt" = now(), error = 'Bị gián đoạn (bản sao lưu được khôi phục giữa chừng).' WHERE status = 'RUNNING'`,
        );
      }
      if ('AppInstance' in manifest.tables) await client.query(`DELETE FROM "AppInstance"`);
    });
    const restoredMedia = path.join(staging, 'media');
    if (!existsSync(restoredMedia)) await mkdir(restoredMedia);
    const replaced = `${staging}-cu`;
    if (existsSync(root)) await rename(root, replaced);
    await rename(restoredMedia, root);
    await rm(replaced, { recursive: true, force: true });
    return {
      manifest,
      mediaFiles: manifest.files.length - 1,
      pendingMigrations: knownMigrations.filter((name) => !manifest.migrations.includes(name)),
    };
  } catch (error) {
    if (isDiskFull(error))
      throw new BackupError(`Đĩa đầy khi giải nén bản sao lưu vào ${path.dirname(root)}. Không khôi phục gì; hãy giải phóng dung lượng.`);
    if (error instanceof ToolError) throw new BackupError(`pg_restore thất bại: ${error.stderr}`);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
