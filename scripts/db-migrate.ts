// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded server).
import { StartupError, openDatabase, describeMigrationError } from './lib/database.ts';
import { applyMigrations } from '../src/server/db/migrations.ts';

const database = await openDatabase().catch((error) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở migration mới nhất.');
} catch (error) {
  console.error(describeMigrationError(error));
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
