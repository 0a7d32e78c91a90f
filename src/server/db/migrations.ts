// Applies and creates migrations through Prisma's schema engine compiled to WebAssembly:
// the native engine cannot be downloaded on our machines. Applied migrations are recorded
// in `_prisma_migrations` exactly as `prisma migrate deploy` records them.
// See docs/decisions/002-migrations-through-wasm-engine.md.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

/** Each migration folder keeps the schema it reaches, the base of the next diff. */
const SCHEMA_SNAPSHOT = 'schema.prisma';
const noFilters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const bindings = engineBindings as unknown as { __wbg_set_wasm(exports: unknown): void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmReady;
}

/**
 * NOTE: @prisma/adapter-pg 7.10's executeScript splits scripts on every ";" (so a PL/pgSQL
 * body breaks) and runs the pieces one by one (so a failing migration is left half applied).
 * PostgreSQL runs a multi-statement simple query as one implicit transaction: send it whole,
 * as the native engine does. Remove when the adapter stops splitting.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        reportError(error);
      }
    };
    return adapter;
  }
}

async function openEngine(connectionString: string, schemaText?: string): Promise<SchemaEngine> {
  await loadWasm();
  const { SchemaEngine } = engineBindings as unknown as { SchemaEngine: typeof import('@prisma/schema-engine-wasm').SchemaEngine };
  const datamodel = schemaText ?? (await readFile(schemaPath, 'utf8'));
  return SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg({ connectionString })),
  );
}

async function readMigrationList(directory = migrationsDir): Promise<MigrationList> {
  const names = (await readdir(directory, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(directory, name, 'migration.sql'), 'utf8').then(
        (content) => ({ tag: 'ok' as const, value: content }),
        (error: Error) => ({ tag: 'error' as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: 'migration.sql', content: sql } };
    }),
  );
  const lockfile = await readFile(path.join(directory, 'migration_lock.toml'), 'utf8').catch(() => null);
  return {
    baseDir: directory,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every migration not yet applied; returns the names it applied. */
/**
 * Migrations the database has run that the code does not have: the code is older than the
 * database. The engine would carry on silently; starting an old app on a newer schema is how
 * data gets damaged, so we stop.
 */
async function findUnknownAppliedMigrations(connectionString: string, known: Set<string>): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS name`);
    if (!table.rows[0]?.name) return [];
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return applied.rows.map((row) => row.migration_name).filter((name) => !known.has(name));
  } finally {
    await client.end();
  }
}

export async function applyMigrations(connectionString: string, directory = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationList(directory);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`Không tìm thấy migration nào trong ${directory}.`);
  }
  const unknown = await findUnknownAppliedMigrations(connectionString, new Set(migrationsList.migrationDirectories.map((d) => d.path)));
  if (unknown.length) {
    throw new Error(
      `cơ sở dữ liệu đã chạy migration ${unknown.join(', ')} mà mã nguồn này không có (mã nguồn cũ hơn cơ sở dữ liệu; hãy cập nhật mã nguồn)`,
    );
  }
  const engine = await openEngine(connectionString);
  try {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * Writes the SQL that takes the schema of the last migration to the current schema as a new
 * migration folder, with a copy of the schema it reaches. Diffing two datamodels needs no
 * shadow database (the engine's migrations-to-schema diff cannot introspect through the
 * adapter: "Column type 'char' could not be deserialized"), though the engine still wants a
 * reachable server. Returns null when nothing changed.
 */
export async function createMigration(connectionString: string, name: string): Promise<string | null> {
  const engine = await openEngine(connectionString);
  try {
    const migrationsList = await readMigrationList();
    const last = migrationsList.migrationDirectories.at(-1);
    const previousSchema = last ? await readFile(path.join(migrationsDir, last.path, SCHEMA_SNAPSHOT), 'utf8') : null;
    const schemaText = await readFile(schemaPath, 'utf8');
    const diff = await engine.diff({
      from: previousSchema ? { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: previousSchema }] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = diff.stdout ?? '';
    if (!sql.trim() || /empty migration/i.test(sql)) return null;
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const folder = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`;
    await mkdir(path.join(migrationsDir, folder), { recursive: true });
    await writeFile(path.join(migrationsDir, folder, 'migration.sql'), sql);
    await writeFile(path.join(migrationsDir, folder, SCHEMA_SNAPSHOT), schemaText);
    await writeFile(
      path.join(migrationsDir, 'migration_lock.toml'),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    return folder;
  } finally {
    engine.free();
  }
}
