import 'server-only';
import { z } from 'zod';
import { STORAGE_KEY_PATTERN } from '../media/storage';

// The archive: `database.dump` (pg_dump -Fc), `media/<storage key>` for every media file, and
// `manifest.json` last, which lists every other entry with its size and SHA-256. A restore
// accepts exactly these names, so an archive cannot write outside its target.

export const MANIFEST_NAME = 'manifest.json';
export const DUMP_NAME = 'database.dump';
export const MEDIA_PREFIX = 'media/';
export const BACKUP_FORMAT = 'ban-tin-cchc-backup';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  hostname: z.string(),
  postgres: z.strictObject({ serverVersion: z.string(), dumpMajor: z.number().int().positive() }),
  /** The last applied migration, and all of them oldest first. */
  migration: z.string().nullable(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(z.strictObject({ path: z.string(), size: z.number().int().nonnegative(), sha256 })),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Whether an archive entry name is one a backup writes (the manifest aside). */
export function isArchiveFileName(name: string): boolean {
  return name === DUMP_NAME || (name.startsWith(MEDIA_PREFIX) && STORAGE_KEY_PATTERN.test(name.slice(MEDIA_PREFIX.length)));
}
