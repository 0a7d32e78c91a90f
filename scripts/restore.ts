// `npm run restore -- FILE [--force]`: restores a backup archive into DATABASE_URL's database
// and MEDIA_ROOT (the embedded PostgreSQL when DATABASE_URL is not set). Both must be empty,
// unless --force; every app server must be stopped. The archive is checked whole first.
import { parseArgs } from 'node:util';
import { StartupError, openDatabase, scriptEnv } from './lib/database.ts';
import { BackupError } from '../src/server/backup/errors.ts';
import { restoreBackup } from '../src/server/backup/restore.ts';
import { codeMigrations } from '../src/server/db/migration-status.ts';

const USAGE = 'Cách dùng: npm run restore -- <tệp sao lưu .tar> [--force]   (--force: thay nội dung đang có)';

async function main(): Promise<number> {
  let parsed: { file?: string; force: boolean } = { force: false };
  try {
    const { values, positionals } = parseArgs({
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    parsed = { file: positionals.length === 1 ? positionals[0] : undefined, force: values.force ?? false };
  } catch {
    parsed = { force: false };
  }
  if (!parsed.file) {
    console.error(USAGE);
    return 2;
  }
  const env = scriptEnv();
  const database = await openDatabase({ shareRunning: true });
  try {
    const result = await restoreBackup({
      databaseUrl: database.url,
      mediaRoot: env.mediaRoot,
      file: parsed.file,
      force: parsed.force,
      knownMigrations: await codeMigrations(),
    });
    const rows = Object.values(result.manifest.tables).reduce((sum, count) => sum + count, 0);
    console.log(
      `Đã khôi phục bản sao lưu ngày ${result.manifest.createdAt} (máy ${result.manifest.hostname}): ` +
        `${rows} dòng, ${result.mediaFiles} tệp ảnh vào ${env.mediaRoot}; số dòng và mã SHA-256 khớp bản kê.`,
    );
    if (result.pendingMigrations.length) {
      console.log(`Lần chạy npm start tiếp theo sẽ áp dụng migration mới: ${result.pendingMigrations.join(', ')}.`);
    }
    return 0;
  } finally {
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError || error instanceof StartupError ? `Khôi phục thất bại: ${error.message}` : error);
    process.exit(1);
  },
);
