import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { codeMigrations } from '@/server/db/migration-status';

// Only the session lookup is replaced; the database and the readiness checks are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getActor: async () => session.actor,
}));

const { GET } = await import('@/app/api/health/route');

const withCookie = () => new Request('http://localhost:3000/api/health', { headers: { cookie: 'next-auth.session-token=x' } });
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  const pick = async (email: string) => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  };
  admin = await pick('quantri@demo.local');
  editor = await pick('bientap@demo.local');
});

beforeEach(() => {
  session.actor = null;
});

describe('/api/health readiness', () => {
  it('tells an anonymous caller only that the database answers', async () => {
    const response = await GET(new Request('http://localhost:3000/api/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('tells an editor no more than an anonymous caller', async () => {
    session.actor = editor;
    expect(await (await GET(withCookie())).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('gives an admin the migrations, job runner, backups and free disk, never cached', async () => {
    session.actor = admin;
    await getDb().backupRun.create({
      data: {
        trigger: 'COMMAND',
        hostname: 'may-chu',
        status: 'SUCCEEDED',
        file: '/sao-luu/a.tar',
        byteSize: 2_000_000n,
        finishedAt: new Date(),
      },
    });
    const response = await GET(withCookie());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { readiness } = await response.json();
    expect(readiness.migrations).toEqual({ current: (await codeMigrations()).at(-1), pending: [], unknown: [], isUpToDate: true });
    expect(readiness.jobRunner).toMatchObject({ outboxBacklog: 0, outboxFailed: 0, overdueIssues: 0 });
    expect(readiness.backup).toMatchObject({ isEnabled: false, lastStatus: 'SUCCEEDED', lastSuccessBytes: 2_000_000 });
    expect(readiness.disk[0]).toMatchObject({ path: process.env.MEDIA_ROOT });
    expect(readiness.disk[0].freeBytes).toBeGreaterThan(0);
  });

  it('shows a database that ran a migration this code lacks', async () => {
    session.actor = admin;
    await getDb().$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
      VALUES ('x', 'x', '29991231000000_from_the_future', now(), 1)`;
    const { readiness } = await (await GET(withCookie())).json();
    expect(readiness.migrations).toMatchObject({ unknown: ['29991231000000_from_the_future'], isUpToDate: false });
  });
});
