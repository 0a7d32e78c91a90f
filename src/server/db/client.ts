import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { getEnv } from '../env';

export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createDatabase(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

// One client per process; kept on globalThis so dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { bantinDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.bantinDb ??= createDatabase(getEnv().DATABASE_URL);
  return globalForDb.bantinDb;
}
