// Runs `prisma generate` without network. Generation never executes the native schema
// engine, but the CLI insists that one exists: point it at any existing file.
// NOTE: remove PRISMA_SCHEMA_ENGINE_BINARY once the CLI stops requiring the download.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
process.exit(result.status ?? 1);
