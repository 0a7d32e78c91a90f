import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DUMP_NAME, MANIFEST_NAME, MEDIA_PREFIX, BACKUP_FORMAT, type Manifest } from './manifest';
import { STORAGE_KEY_PATTERN } from '../media/storage';
import { libpqTarget, readStats, runTool, serverMajor, withClient, ToolError } from './database';
import { ArchiveExistsError, BackupError, isDiskFull } from './errors';
import { findPgTools } from './pg-tools';
import { tarEnd, tarHeader, tarPadding } from './tar';

// One archive per backup: the database dumped by pg_dump inside an exported snapshot, the
// media files, and the manifest of that same snapshot (rows per table, migrations). Written
// under a temporary name in the target directory and renamed when complete and flushed, so a
// failure (a full disk…) leaves no partial archive and never touches older ones.

export type BackupOptions = { databaseUrl: string; mediaRoot: string; out: string };
export type BackupResult = { file: string; size: number; manifest: Manifest };

type ArchiveFile = { name: string; source: string; size: number };

/** Every stored media file, by storage key; in-progress uploads (*.tmp) are not files yet. */
async function listMedia(mediaRoot: string): Promise<ArchiveFile[]> {
  if (!existsSync(mediaRoot)) return [];
  const files: ArchiveFile[] = [];
  const entries = await readdir(mediaRoot, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const key = path.relative(mediaRoot, source).split(path.sep).join('/');
    if (!STORAGE_KEY_PATTERN.test(key)) continue;
    files.push({ name: `${MEDIA_PREFIX}${key}`, source, size: (await stat(source)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

async function* archiveChunks(files: ArchiveFile[], manifestOf: (entries: Manifest['files']) => Manifest): AsyncGenerator<Buffer> {
  const entries: Manifest['files'] = [];
  for (const file of files) {
    const hash = createHash('sha256');
    let size = 0;
    yield tarHeader(file.name, file.size, new Date());
    for await (const chunk of createReadStream(file.source)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    // Media files are written once under a new key and never changed in place.
    if (size !== file.size) throw new BackupError(`Tệp ${file.name} thay đổi trong lúc sao lưu; hãy chạy lại.`);
    yield tarPadding(size);
    entries.push({ path: file.name, size, sha256: hash.digest('hex') });
  }
  const manifest = Buffer.from(`${JSON.stringify(manifestOf(entries), null, 2)}\n`);
  yield tarHeader(MANIFEST_NAME, manifest.length, new Date());
  yield manifest;
  yield tarPadding(manifest.length);
  yield tarEnd();
}

function diskFullMessage(directory: string): string {
  return (
    `Đĩa đầy: không đủ chỗ để ghi bản sao lưu vào ${directory}. Bản sao lưu dở đã được xoá; ` +
    'các bản sao lưu cũ vẫn còn nguyên. Hãy giải phóng dung lượng hoặc chọn thư mục khác rồi chạy lại.'
  );
}

/** Writes one backup archive to `out`; refuses to overwrite an existing file. */
export async function createBackup({ databaseUrl, mediaRoot, out }: BackupOptions): Promise<BackupResult> {
  const file = path.resolve(out);
  const directory = path.dirname(file);
  if (existsSync(file)) throw new ArchiveExistsError(file);
  await mkdir(directory, { recursive: true }).catch((error) => {
    throw new BackupError(`Không tạo được thư mục ${directory}: ${(error as Error).message}`);
  });
  const stem = path.join(directory, `.${path.basename(file)}.${randomUUID().slice(0, 8)}`);
  const dumpFile = `${stem}.dump.tmp`;
  const partial = `${stem}.tmp`;
  try {
    const { stats, server, dumpMajor } = await withClient(databaseUrl, async (client) => {
      // One snapshot for the dump, the counts and the list of media: what editors save
      // meanwhile is either wholly in the backup or wholly out of it.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      const server = await serverMajor(client);
      const tools = await findPgTools(server.major);
      const target = libpqTarget(databaseUrl);
      const dumping = runTool(
        tools.pgDump,
        ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0]!.id}`, `--file=${dumpFile}`, `--dbname=${target.url}`],
        target.env,
      );
      const stats = await readStats(client);
      await dumping;
      await client.query('COMMIT');
      return { stats, server, dumpMajor: tools.major };
    });
    const media = await listMedia(mediaRoot);
    const stored = new Set(media.map((entry) => entry.name.slice(MEDIA_PREFIX.length).split('/').slice(0, 2).join('/')));
    const missing = stats.mediaKeys.filter((key) => !stored.has(key));
    if (missing.length) {
      throw new BackupError(
        `Thiếu tệp của ${missing.length} ảnh trong ${mediaRoot} (ví dụ ${missing[0]}): MEDIA_ROOT có đúng thư mục ảnh của cơ sở dữ liệu này không?`,
      );
    }
    const files = [{ name: DUMP_NAME, source: dumpFile, size: (await stat(dumpFile)).size }, ...media];
    const manifestOf = (entries: Manifest['files']): Manifest => ({
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      hostname: os.hostname(),
      postgres: { serverVersion: server.version, dumpMajor },
      migration: stats.migrations.at(-1) ?? null,
      migrations: stats.migrations,
      tables: stats.tables,
      files: entries,
    });
    let manifest: Manifest | undefined;
    await pipeline(
      archiveChunks(files, (entries) => (manifest = manifestOf(entries))),
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    // On disk before it gets its name: a crash never leaves a complete-looking partial file.
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
    return { file, size: (await stat(file)).size, manifest: manifest! };
  } catch (error) {
    if (isDiskFull(error)) throw new BackupError(diskFullMessage(directory));
    if (error instanceof ToolError) throw new BackupError(`pg_dump thất bại: ${error.stderr}`);
    throw error;
  } finally {
    await rm(dumpFile, { force: true });
    await rm(partial, { force: true });
  }
}
