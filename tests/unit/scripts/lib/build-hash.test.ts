import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEnvironment, needsBuild, recordBuild, sourceHash } from '../../../../scripts/lib/build-hash';

let root: string;
const write = (relative: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
};
const hash = (env: Record<string, string> = {}) => sourceHash(root, env);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bantin-build-hash-'));
  write('src/app/page.tsx', 'export default function Page() {}');
  write('src/generated/prisma/client.ts', '// generated');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('prisma/schema.prisma', 'model A { id Int @id }');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sourceHash', () => {
  it('ignores file times: a fresh clone or checkout of the same sources needs no build', () => {
    const before = hash();
    const later = new Date(Date.now() + 3600_000);
    utimesSync(path.join(root, 'src/app/page.tsx'), later, later);
    utimesSync(path.join(root, 'package-lock.json'), later, later);
    expect(hash()).toBe(before);
  });

  it('changes with a source, the lockfile, the schema or a new file', () => {
    const seen = new Set([hash()]);
    write('src/app/page.tsx', 'export default function Page() { return null }');
    seen.add(hash());
    write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    seen.add(hash());
    write('prisma/schema.prisma', 'model A { id Int @id\n name String }');
    seen.add(hash());
    write('src/app/new/page.tsx', '');
    seen.add(hash());
    expect(seen.size).toBe(5);
  });

  it('ignores the generated client and tells apart moving bytes between files', () => {
    const before = hash();
    write('src/generated/prisma/client.ts', '// generated again');
    expect(hash()).toBe(before);
    write('src/a.ts', 'ab');
    write('src/b.ts', '');
    const split = hash();
    write('src/a.ts', 'a');
    write('src/b.ts', 'b');
    expect(hash()).not.toBe(split);
  });

  it('changes with the environment baked into the build, not with the rest', () => {
    const env = buildEnvironment({
      PUBLIC_BASE_URL: 'https://a.example',
      PORT: '3000',
      NEXT_PUBLIC_X: '1',
      DATABASE_URL: 'postgresql://x',
    });
    expect(env).toEqual({ NEXT_PUBLIC_X: '1', PUBLIC_BASE_URL: 'https://a.example' });
    expect(hash(env)).not.toBe(hash(buildEnvironment({ PUBLIC_BASE_URL: 'https://b.example', NEXT_PUBLIC_X: '1' })));
    expect(hash(env)).toBe(hash(buildEnvironment({ NEXT_PUBLIC_X: '1', PUBLIC_BASE_URL: 'https://a.example', PORT: '4000' })));
  });
});

describe('needsBuild', () => {
  it('builds without a complete build, then not again for the same inputs, again after a change', () => {
    const first = hash();
    expect(needsBuild(root, first)).toBe(true);
    write('.next/BUILD_ID', 'abc');
    expect(needsBuild(root, first)).toBe(true);
    recordBuild(root, first);
    expect(needsBuild(root, first)).toBe(false);
    write('src/app/page.tsx', 'changed');
    expect(needsBuild(root, hash())).toBe(true);
    rmSync(path.join(root, '.next/BUILD_ID'));
    expect(needsBuild(root, first)).toBe(true);
  });
});
