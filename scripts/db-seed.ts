// `npm run db:seed`: migrations, then the demo data if the database is empty.
import { StartupError, openDatabase } from './lib/database.ts';
import { prepareDatabase, shouldLoadDemoAccounts } from './lib/prepare.ts';

const database = await openDatabase().catch((error) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
try {
  const messages = await prepareDatabase(database.url, { includeDemoAccounts: shouldLoadDemoAccounts() });
  console.log(messages.length ? messages.join('\n') : 'Cơ sở dữ liệu đã có dữ liệu: không nạp gì thêm.');
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
