import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { withDatabase } from './fixtures';

// A second app server on the same database, reaching it through a TCP relay this test can cut:
// a change committed anywhere reaches every server's page cache within 2 s, and with the database
// gone the server keeps serving what it has and answers everything else with the outage page,
// then recovers by itself (docs/decisions/011-public-page-cache.md).

const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const base = `http://127.0.0.1:${port}`;
const database = new URL(process.env.DATABASE_URL!);

/** Relays TCP to PostgreSQL until cut; `restore` accepts connections again. */
function startRelay() {
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  const listen = (relayPort = 0) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(database.port || 5432), database.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(relayPort, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  return {
    listen,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

let relay: ReturnType<typeof startRelay>;
let relayPort: number;
let server: ChildProcess;

const get = (pathname: string) => fetch(`${base}${pathname}`, { redirect: 'manual' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  relay = startRelay();
  relayPort = await relay.listen();
  const viaRelay = new URL(database);
  viaRelay.host = `127.0.0.1:${relayPort}`;
  server = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: viaRelay.toString() },
    stdio: 'ignore',
  });
  await expect.poll(async () => (await get('/api/health').catch(() => null))?.status, { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await relay?.cut().catch(() => undefined);
});

test('a change committed elsewhere reaches this server within 2 s', async ({ request }) => {
  const original = await withDatabase(async (client) => {
    const { rows } = await client.query<{ creditLine: string }>('SELECT "creditLine" FROM "Publication" ORDER BY id LIMIT 1');
    return rows[0]!.creditLine;
  });
  await get('/ban-tin/2025/8');
  expect((await get('/ban-tin/2025/8')).headers.get('x-nextjs-cache')).toBe('HIT');
  const changed = `${original} · ${Date.now()}`;
  try {
    await withDatabase((client) => client.query('UPDATE "Publication" SET "creditLine" = $1', [changed]));
    await Promise.all([
      expect.poll(async () => (await get('/ban-tin/2025/8')).text(), { timeout: 2000, intervals: [100] }).toContain(changed),
      expect.poll(async () => (await request.get('/ban-tin/2025/8')).text(), { timeout: 2000, intervals: [100] }).toContain(changed),
    ]);
  } finally {
    await withDatabase((client) => client.query('UPDATE "Publication" SET "creditLine" = $1', [original]));
  }
});

test('with the database unreachable, stored pages are served and the rest is a 503 page that needs nothing', async ({ browser }) => {
  test.setTimeout(90_000);
  for (const pathname of ['/', '/ban-tin/2025/17']) {
    await expect.poll(async () => (await get(pathname)).headers.get('x-nextjs-cache'), { timeout: 10_000 }).toBe('HIT');
  }
  await relay.cut();
  await expect.poll(async () => (await get('/tim-kiem?q=cai+cach')).status, { timeout: 15_000 }).toBe(503);

  for (const pathname of ['/', '/ban-tin/2025/17']) {
    const stored = await get(pathname);
    expect(stored.status, pathname).toBe(200);
    expect(await stored.text()).toContain('Số');
  }
  for (const pathname of ['/ban-tin/2025/8', '/bai-viet/khong-co-bai-nay', '/tim-kiem?q=cai+cach', '/dang-nhap', '/quan-tri', '/rss.xml']) {
    const answer = await get(pathname);
    expect(answer.status, pathname).toBe(503);
    expect(answer.headers.get('retry-after'), pathname).toBe('30');
    const html = await answer.text();
    expect(html, pathname).toContain('Hệ thống tạm thời gián đoạn');
    expect(html, pathname).not.toMatch(/<script/i);
  }
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${base}/ban-tin/2025/8`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Hệ thống tạm thời gián đoạn');

  await relay.listen(relayPort);
  await expect.poll(async () => (await get('/ban-tin/2025/8')).status, { timeout: 20_000 }).toBe(200);
  expect((await get('/tim-kiem?q=cai+cach')).status).toBe(200);
});
