// `npm run db:migration:create -- <name>`: writes prisma/migrations/<stamp>_<name>/ from the
// change in prisma/schema.prisma since the last migration. Review the SQL before committing.
import { StartupError, openDatabase } from './lib/database.ts';
import { createMigration } from '../src/server/db/migrations.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
  console.error('Cách dùng: npm run db:migration:create -- ten_migration');
  process.exit(1);
}
const database = await openDatabase().catch((error) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
try {
  const folder = await createMigration(database.url, name);
  console.log(folder ? `Đã tạo prisma/migrations/${folder}/migration.sql` : 'Schema không đổi: không tạo migration.');
} finally {
  await database.embedded?.stop();
}
