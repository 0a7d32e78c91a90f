// The production build: shared by `npm start` and the benchmarks, which both build only when
// a source is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './database.ts';

export const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next');

function newestSourceTime(): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) if (entry !== 'generated') visit(path.join(target, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const item of ['src', 'public', 'next.config.ts', 'package-lock.json', 'prisma/schema.prisma']) visit(path.join(projectRoot, item));
  return newest;
}

export function needsBuild(): boolean {
  const buildId = path.join(projectRoot, '.next/BUILD_ID');
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime();
}
