import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db/client';
import { codeMigrations, findOtherLevelServers } from '@/server/db/migration-status';

// A newer version of the code: the same migrations and one more.
let newer: string[];
let client: pg.Client;

beforeAll(async () => {
  newer = [...(await codeMigrations()), '29990101000000_next_version'];
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});

afterAll(() => client.end());

const alive = (migration: string, secondsAgo = 5) =>
  getDb().appInstance.create({
    data: {
      id: `may-a:${migration}:${secondsAgo}`,
      hostname: 'may-a',
      pid: 41,
      migration,
      lastSeenAt: new Date(Date.now() - secondsAgo * 1000),
    },
  });

describe('findOtherLevelServers (a second server at another migration level)', () => {
  it('lets the newer code migrate when no other server is alive, or only stale ones', async () => {
    expect(await findOtherLevelServers(client, newer)).toBeNull();
    await alive((await codeMigrations()).at(-1)!, 600);
    expect(await findOtherLevelServers(client, newer)).toBeNull();
  });

  it('names the live server of the older level that blocks the migration', async () => {
    const current = (await codeMigrations()).at(-1)!;
    await alive(current);
    expect(await findOtherLevelServers(client, newer)).toEqual({
      servers: [{ hostname: 'may-a', pid: 41, migration: current }],
      pending: ['29990101000000_next_version'],
    });
  });

  it('ignores a server of this machine whose process has ended (stopped for the upgrade)', async () => {
    await getDb().appInstance.deleteMany({});
    await getDb().appInstance.create({
      data: { id: 'ici:1', hostname: os.hostname(), pid: 2 ** 22 + 7, migration: (await codeMigrations()).at(-1)!, lastSeenAt: new Date() },
    });
    expect(await findOtherLevelServers(client, newer)).toBeNull();
    await getDb().appInstance.create({
      data: { id: 'ici:2', hostname: os.hostname(), pid: process.pid, migration: (await codeMigrations()).at(-1)!, lastSeenAt: new Date() },
    });
    expect((await findOtherLevelServers(client, newer))?.servers).toEqual([expect.objectContaining({ pid: process.pid })]);
  });

  it('does not block a server of the same level as the database', async () => {
    expect(await findOtherLevelServers(client, await codeMigrations())).toBeNull();
  });
});
