import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startTestServer, withAdmin, dropDatabase, cloneDatabase } from './test-database.ts';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The project's own scripts prepare the templates, so tests start from what `npm start` makes. */
async function runScript(script: string, env: Record<string, string>) {
  await run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['--conditions=react-server', script], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
  });
}

// Runs once per `vitest run`: a server, an empty migrated template and a demo template.
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const server = await startTestServer();
  const adminUrl = server.adminUrl('postgres');
  const emptyTemplate = `bantin_t_empty_${runId}`;
  const demoTemplate = `bantin_t_demo_${runId}`;
  const mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'bantin-test-media-'));

  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(emptyTemplate)}`));
  await runScript('scripts/db-migrate.ts', { DATABASE_URL: server.adminUrl(emptyTemplate) });
  await cloneDatabase(adminUrl, emptyTemplate, demoTemplate);
  await runScript('scripts/db-seed.ts', { DATABASE_URL: server.adminUrl(demoTemplate), MEDIA_ROOT: mediaRoot });

  project.provide('testDatabase', { adminUrl, emptyTemplate, demoTemplate, mediaRoot, runId });

  return async () => {
    await dropDatabase(adminUrl, demoTemplate);
    await dropDatabase(adminUrl, emptyTemplate);
    await server.stop();
    await rm(mediaRoot, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; emptyTemplate: string; demoTemplate: string; mediaRoot: string; runId: string };
  }
}
