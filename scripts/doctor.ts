// `npm run doctor`: checks this installation (environment, HTTPS, sign-in key, database and
// migrations, backups, free disk, clock and time zone) and says in Vietnamese what to fix.
// Exits 1 when something is wrong, 0 when only warnings remain.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StartupError, embeddedDataDir, openDatabase, projectRoot, type DatabaseHandle } from './lib/database.ts';
import { formatReport, runDoctor } from '../src/server/ops/doctor.ts';
import { environmentProblems, getScriptEnv } from '../src/server/env.ts';

async function reachDatabase(): Promise<DatabaseHandle | null> {
  if (environmentProblems().length) return null;
  // The embedded server is started only if it has data: the doctor creates nothing.
  if (!getScriptEnv().DATABASE_URL && !existsSync(path.join(embeddedDataDir, 'PG_VERSION'))) return null;
  try {
    return await openDatabase({ shareRunning: true });
  } catch (error) {
    if (error instanceof StartupError) return null;
    throw error;
  }
}

const database = await reachDatabase();
try {
  const checks = await runDoctor({
    env: process.env,
    databaseUrl: database?.url ?? null,
    savedSecretFile: path.join(projectRoot, '.data/auth-secret'),
  });
  console.log(formatReport(checks));
  process.exitCode = checks.some((check) => check.level === 'error') ? 1 : 0;
} finally {
  await database?.embedded?.stop();
}
