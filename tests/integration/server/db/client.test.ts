import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../../../scripts/lib/embedded-postgres';
import { createDatabase, type Database } from '@/server/db/client';
import { log } from '@/server/logger';

// A PostgreSQL of its own, stopped and started again under the client's feet.
let dir: string;
let server: EmbeddedServer;
let port: number;
let db: Database;

const start = (from: number) => startEmbeddedPostgres(path.join(dir, 'data'), { port: from, persistent: true });
const ping = () =>
  db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then(
    () => 'ok' as const,
    () => 'failed' as const,
  );

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-restart-'));
  server = await start(Number(process.env.EMBEDDED_PG_PORT ?? 54329) + 50);
  port = Number(new URL(server.adminUrl('postgres')).port);
  db = createDatabase(server.adminUrl('postgres'));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the database restarted under load', () => {
  it('fails the requests made while it is down, and recovers by itself when it is back', async () => {
    const warnings = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    // Warm pool: several open connections that the restart will kill.
    expect(await Promise.all(Array.from({ length: 8 }, ping))).toEqual(Array(8).fill('ok'));

    let isLoading = true;
    const outcomes: ('ok' | 'failed')[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (isLoading) outcomes.push(await ping());
    });
    await server.stop();
    const whileDown = await Promise.all(Array.from({ length: 5 }, ping));
    expect(whileDown).toEqual(Array(5).fill('failed'));

    server = await start(port);
    // Every request settles (none hangs on a dead connection) and they succeed again.
    await vi.waitFor(async () => expect(await ping()).toBe('ok'), { timeout: 15_000, interval: 200 });
    isLoading = false;
    await Promise.all(load);
    expect(outcomes).toContain('failed');
    expect(outcomes.at(-1)).toBe('ok');
    expect(await Promise.all(Array.from({ length: 8 }, ping))).toEqual(Array(8).fill('ok'));
    warnings.mockRestore();
  }, 120_000);
});

describe('a database that accepts connections and never answers', () => {
  it('fails the request instead of leaving it waiting forever', async () => {
    // What a hung server or a dropped network looks like from here.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hung = createDatabase(`postgresql://nobody:x@127.0.0.1:${(silent.address() as net.AddressInfo).port}/none`);
    try {
      await expect(hung.$queryRaw`SELECT 1`).rejects.toThrow();
    } finally {
      await hung.$disconnect().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 30_000);
});
