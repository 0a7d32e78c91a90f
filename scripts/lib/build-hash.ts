// Whether `npm start` must build: a SHA-256 of everything the production build reads (the
// sources, the lockfile, the configuration and the build-time environment), compared with
// the one stored beside the last build. File times are no guide: a fresh clone, `npm ci` or
// a checkout touches them all without changing a byte.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const nextBin = path.join(path.resolve(import.meta.dirname, '../..'), 'node_modules/next/dist/bin/next');

/** Read by `next build`; src/generated is derived from prisma/schema.prisma. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
];
const SKIPPED_DIRECTORIES = new Set(['generated', 'node_modules', '.next']);

/** Environment baked into the build (absolute links of static routes, public variables). */
export function buildEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const baked = Object.entries(env).filter(
    ([name]) => name === 'PUBLIC_BASE_URL' || name === 'NODE_ENV' || name.startsWith('NEXT_PUBLIC_'),
  );
  return Object.fromEntries(
    baked.filter((entry): entry is [string, string] => entry[1] !== undefined).sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function sourceHash(root: string, env: Record<string, string>, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256');
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (!SKIPPED_DIRECTORIES.has(entry)) visit(path.join(relative, entry));
      }
      return;
    }
    // Name and content, separated so that moving bytes between files changes the hash.
    hash.update(`${relative.split(path.sep).join('/')}\0`);
    hash.update(readFileSync(full));
    hash.update('\0');
  };
  for (const input of inputs) visit(input);
  hash.update(JSON.stringify(env));
  return hash.digest('hex');
}

const stampFile = (root: string) => path.join(root, '.next/ban-tin-source-hash');

/** True unless a complete build exists and was made from exactly these inputs. */
export function needsBuild(root: string, hash: string): boolean {
  if (!existsSync(path.join(root, '.next/BUILD_ID')) || !existsSync(stampFile(root))) return true;
  return readFileSync(stampFile(root), 'utf8').trim() !== hash;
}

/** Called after a successful build. */
export function recordBuild(root: string, hash: string): void {
  writeFileSync(stampFile(root), `${hash}\n`);
}
