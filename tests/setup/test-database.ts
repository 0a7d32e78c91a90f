// A real PostgreSQL for tests: DATABASE_URL's server when set, otherwise an embedded one in a
// temporary directory. Template databases are migrated (and loaded with the demo issues) once
// per run; every test file then gets its own copy, so tests never share state.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/lib/embedded-postgres.ts';

export type TestServer = { adminUrl: (database: string) => string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    return {
      adminUrl: (database) => {
        const url = new URL(configured);
        url.pathname = `/${database}`;
        return url.toString();
      },
      stop: async () => undefined,
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-test-pg-'));
  const server: EmbeddedServer = await startEmbeddedPostgres(path.join(dir, 'data'), {
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    persistent: false,
  });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`),
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}
