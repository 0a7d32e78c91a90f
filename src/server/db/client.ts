import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { getEnv } from '../env';
import { log } from '../logger';

export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Fail fast, recover alone: while PostgreSQL is down, hung or restarting, a request waits at
 * most connectionTimeoutMillis for a connection (pg's default is forever) and then fails, so
 * pages answer 503 instead of hanging; connections a restart killed are dropped from the pool
 * (their error is logged, never thrown) and the next request opens fresh ones.
 */
const POOL = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  // A statement running longer is a bug or a lock pile-up; no request should wait on it.
  statement_timeout: 30_000,
  keepAlive: true,
};

export function createDatabase(connectionString: string): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, ...POOL },
    {
      onPoolError: (error) => log.warn('Kết nối PostgreSQL đang chờ bị đóng; sẽ mở kết nối mới khi cần.', { error: error.message }),
      onConnectionError: (error) => log.warn('Kết nối PostgreSQL lỗi trong giao dịch.', { error: error.message }),
    },
  );
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis so dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { bantinDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.bantinDb ??= createDatabase(getEnv().DATABASE_URL);
  return globalForDb.bantinDb;
}
