// A fresh restore target per test (an empty database on the test server, an empty media
// directory) and readers of what a restore must reproduce.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject, vi } from 'vitest';
import pg from 'pg';
import { dropDatabase, withAdmin } from '../../../setup/test-database';

export type Target = { url: string; mediaRoot: string; remove: () => Promise<void> };

export async function emptyTarget(): Promise<Target> {
  const { adminUrl, runId } = inject('testDatabase');
  const name = `bantin_r_${runId}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-restore-test-'));
  return {
    url: url.toString(),
    mediaRoot: path.join(dir, 'media'),
    remove: async () => {
      await dropDatabase(adminUrl, name);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

export const tableCount = async (url: string) =>
  Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`))[0]!.n);

/** SHA-256 of every file under a directory, by relative path. */
export async function checksums(root: string): Promise<Record<string, string>> {
  if (!existsSync(root)) return {};
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(root, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return result;
}

/**
 * Số 17 as the public page and the print PDF show it, read from another database and media
 * directory: the server modules are loaded afresh with that environment.
 */
export async function renderIssue17(databaseUrl: string, mediaRoot: string): Promise<{ html: string; pdf: Buffer }> {
  const globals = globalThis as unknown as { bantinDb?: { $disconnect(): Promise<void> } };
  const saved = { db: globals.bantinDb, url: process.env.DATABASE_URL, media: process.env.MEDIA_ROOT };
  vi.resetModules();
  globals.bantinDb = undefined;
  process.env.DATABASE_URL = databaseUrl;
  process.env.MEDIA_ROOT = mediaRoot;
  try {
    const { getIssueView } = await import('@/server/issues/queries');
    const { renderIssuePdf } = await import('@/server/pdf/render');
    const { IssuePage } = await import('@/components/public/issue-page');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const issue = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
    return { html: renderToStaticMarkup(createElement(IssuePage, { issue })), pdf: await renderIssuePdf(issue) };
  } finally {
    const opened = globals.bantinDb as { $disconnect(): Promise<void> } | undefined;
    await opened?.$disconnect();
    vi.resetModules();
    globals.bantinDb = saved.db;
    process.env.DATABASE_URL = saved.url;
    process.env.MEDIA_ROOT = saved.media;
  }
}
