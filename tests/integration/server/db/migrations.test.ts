import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '@/server/db/migrations';
import { cloneDatabase, dropDatabase, withAdmin } from '../../../setup/test-database';

const { adminUrl, runId } = inject('testDatabase');
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch(migrations: Record<string, string>) {
  const name = `bantin_m_${runId}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-migrations-'));
  for (const [folder, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, folder));
    await writeFile(path.join(dir, folder, 'migration.sql'), sql);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    await dropDatabase(adminUrl, name);
    await rm(dir, { recursive: true, force: true });
  });
  return { dir, url: url.toString() };
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  it('applies a PL/pgSQL function whose body contains semicolons, and records it like migrate deploy', async () => {
    const { dir, url } = await scratch({
      '20260101000000_fn': `CREATE TABLE t (n int);
CREATE FUNCTION twice(x int) RETURNS int AS $$
BEGIN
  RETURN x * 2;
END;
$$ LANGUAGE plpgsql;`,
    });
    expect(await applyMigrations(url, dir)).toEqual(['20260101000000_fn']);
    expect(await query(url, 'select twice(21) as v')).toEqual([{ v: 42 }]);
    const recorded = await query(url, 'select migration_name, finished_at is not null as done, checksum from _prisma_migrations');
    expect(recorded).toEqual([{ migration_name: '20260101000000_fn', done: true, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(await applyMigrations(url, dir)).toEqual([]);
  });

  it('leaves nothing behind when a migration fails half way', async () => {
    const { dir, url } = await scratch({ '20260101000000_bad': 'CREATE TABLE half (n int);\nSELECT 1/0;' });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/division by zero/);
    expect(await query(url, "select to_regclass('public.half') as t")).toEqual([{ t: null }]);
  });

  it('brings the real migrations to a clone of the migrated template without changes', async () => {
    const { emptyTemplate } = inject('testDatabase');
    const name = `bantin_m_${runId}_again`;
    await cloneDatabase(adminUrl, emptyTemplate, name);
    cleanups.push(() => dropDatabase(adminUrl, name));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    expect(await applyMigrations(url.toString())).toEqual([]);
  });

  it('refuses a database that ran a migration this code does not have, and changes nothing', async () => {
    const { dir, url } = await scratch({ '20260101000000_a': 'CREATE TABLE a (n int);' });
    await applyMigrations(url, dir);
    await query(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES ('future', 'x', '20991231000000_newer', now(), now(), 1)`,
    );
    await mkdir(path.join(dir, '20260102000000_b'));
    await writeFile(path.join(dir, '20260102000000_b', 'migration.sql'), 'CREATE TABLE b (n int);');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/20991231000000_newer/);
    expect(await query(url, "select to_regclass('public.b') as t")).toEqual([{ t: null }]);
  });
});
