import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate` here; migrations run through
// scripts/db-migrate.ts (see docs/decisions/002-migrations-through-wasm-engine.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
