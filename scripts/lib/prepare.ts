// Migrate, then load the demo data into an empty database: what every start does.
import { applyMigrations } from '../../src/server/db/migrations.ts';
import { createDatabase } from '../../src/server/db/client.ts';
import { loadDemoData } from '../../src/server/demo/load-demo-data.ts';
import { FileSystemStorage } from '../../src/server/media/storage.ts';
import { getEnv } from '../../src/server/env.ts';
import { StartupError, describeMigrationError } from './database.ts';

export async function prepareDatabase(url: string, options: { includeDemoAccounts: boolean }): Promise<string[]> {
  const messages: string[] = [];
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
  return !(process.env.NODE_ENV === 'production' && process.env.DATABASE_URL);
}
