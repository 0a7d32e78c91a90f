// Before each test file: its own databases, copied from the run's templates. Server code reads
// DATABASE_URL through getEnv()/getDb(), which see the copy made here.
import { afterAll, inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cloneDatabase, dropDatabase } from './test-database.ts';

const { adminUrl, demoTemplate, mediaRoot, runId } = inject('testDatabase');
const database = `bantin_f_${runId}_${randomUUID().slice(0, 8)}`;
await cloneDatabase(adminUrl, demoTemplate, database);

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.MEDIA_ROOT = mediaRoot;

afterAll(async () => {
  const { getDb } = await import('@/server/db/client');
  await getDb().$disconnect();
  await dropDatabase(adminUrl, database);
});
