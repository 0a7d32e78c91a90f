// `npm run backup -- --out FILE`: one archive of the database (pg_dump -Fc), the media files
// and a manifest, from DATABASE_URL and MEDIA_ROOT like `npm start` (the embedded PostgreSQL
// when DATABASE_URL is not set, even while `npm start` runs).
import { parseArgs } from 'node:util';
import { StartupError, openDatabase, scriptEnv } from './lib/database.ts';
import { createDatabase } from '../src/server/db/client.ts';
import { createBackup } from '../src/server/backup/create.ts';
import { BackupError } from '../src/server/backup/errors.ts';
import { recordRun, startRun } from '../src/server/backup/runs.ts';
import { formatBytes } from '../src/lib/bytes.ts';

const USAGE = 'Cách dùng: npm run backup -- --out <tệp .tar>   (ví dụ --out /var/backups/ban-tin/ban-tin-20261130.tar)';

async function main(): Promise<number> {
  let out: string | undefined;
  try {
    out = parseArgs({ options: { out: { type: 'string' } }, strict: true }).values.out;
  } catch {
    out = undefined;
  }
  if (!out) {
    console.error(USAGE);
    return 2;
  }
  const env = scriptEnv();
  const database = await openDatabase({ shareRunning: true });
  const db = createDatabase(database.url);
  try {
    const work = () => createBackup({ databaseUrl: database.url, mediaRoot: env.mediaRoot, out: out! });
    // Recorded like the scheduled ones (dashboard, health), when the schema has the table.
    const hasRuns = await db.$queryRaw<{ name: string | null }[]>`SELECT to_regclass('public."BackupRun"')::text AS name`;
    const result = hasRuns[0]?.name ? await recordRun(db, await startRun(db, 'COMMAND'), work) : await work();
    const rows = Object.values(result.manifest.tables).reduce((sum, count) => sum + count, 0);
    const media = result.manifest.files.length - 1;
    console.log(
      `Đã sao lưu vào ${result.file} (${formatBytes(result.size)}): ${Object.keys(result.manifest.tables).length} bảng, ` +
        `${rows} dòng, ${media} tệp ảnh; migration ${result.manifest.migration ?? '(chưa có)'}.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError || error instanceof StartupError ? `Sao lưu thất bại: ${error.message}` : error);
    process.exit(1);
  },
);
