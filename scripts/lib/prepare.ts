// Migrate, then load the demo data into an empty database: what every start does.
import pg from 'pg';
import { applyMigrations, migrationsDir } from '../../src/server/db/migrations.ts';
import { codeMigrations, findOtherLevelServers } from '../../src/server/db/migration-status.ts';
import { createDatabase } from '../../src/server/db/client.ts';
import { loadDemoData } from '../../src/server/demo/load-demo-data.ts';
import { FileSystemStorage } from '../../src/server/media/storage.ts';
import { getEnv, getScriptEnv } from '../../src/server/env.ts';
import { StartupError, describeMigrationError } from './database.ts';

/**
 * A schema change under a running server of the previous version is how data gets damaged:
 * while another app server at a different migration level is alive, this one does not
 * migrate and does not start.
 */
async function refuseWhileOtherLevelsRun(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const blocking = await findOtherLevelServers(client, await codeMigrations(migrationsDir));
    if (!blocking) return;
    const others = blocking.servers.map((row) => `${row.hostname} (tiến trình ${row.pid}, migration ${row.migration})`).join(', ');
    throw new StartupError(
      `Không khởi động: máy chủ ứng dụng khác đang chạy trên cơ sở dữ liệu này với phiên bản khác: ${others}. ` +
        `Mã nguồn này cần áp dụng migration ${blocking.pending.join(', ')}. Hãy dừng mọi máy chủ ứng dụng, sao lưu (npm run backup), ` +
        'rồi khởi động lại từng máy chủ với cùng phiên bản mã nguồn (xem docs/deploy.md, mục Nâng cấp).',
    );
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(url: string, options: { includeDemoAccounts: boolean }): Promise<string[]> {
  const messages: string[] = [];
  await refuseWhileOtherLevelsRun(url);
  try {
    const applied = await applyMigrations(url);
    if (applied.length) messages.push(`Đã áp dụng migration: ${applied.join(', ')}`);
  } catch (error) {
    throw new StartupError(describeMigrationError(error));
  }
  process.env.DATABASE_URL = url;
  const db = createDatabase(url);
  try {
    const result = await loadDemoData(db, new FileSystemStorage(getEnv().mediaRoot), {
      includeAccounts: options.includeDemoAccounts,
    });
    if (result.loaded) {
      messages.push(
        `Đã nạp dữ liệu mẫu: ${result.issues} số, ${result.articles} bài viết, ${result.images} ảnh` +
          (options.includeDemoAccounts ? ' và các tài khoản demo.' : ' (không tạo tài khoản demo).'),
      );
    }
  } finally {
    await db.$disconnect();
  }
  return messages;
}

/** Demo accounts never reach a production database. */
export function shouldLoadDemoAccounts(): boolean {
  const env = getScriptEnv();
  return !(env.NODE_ENV === 'production' && env.DATABASE_URL);
}
