import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, saveArticle } from '@/server/articles/commands';
import { createBackup } from '@/server/backup/create';
import { restoreBackup } from '@/server/backup/restore';
import { codeMigrations } from '@/server/db/migration-status';
import { getDb } from '@/server/db/client';
import type { PermissionActor } from '@/server/permissions';
import { emptyTarget, query, type Target } from './helpers';

let dir: string;
const targets: Target[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-backup-faults-'));
});

afterAll(async () => {
  for (const created of targets) await created.remove();
  await rm(dir, { recursive: true, force: true });
});

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('backup while editors save', () => {
  it('holds one consistent moment: every article with exactly its revisions and audit events', async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'bientap@demo.local' } });
    const editor: PermissionActor = { id: user.id, role: user.role };
    const articles = await Promise.all(
      ['Bài sửa liên tục thứ nhất', 'Bài sửa liên tục thứ hai'].map((title) =>
        createArticle(editor, { title, lead: 'Sapo.', body: paragraph('Bản 1.'), tags: [] }),
      ),
    );
    let isSaving = true;
    let saves = 0;
    const editing = articles.map(async ({ id }) => {
      for (let version = 1; isSaving; version++) {
        const title = `Bài ${id} bản ${version + 1}`;
        await saveArticle(editor, id, { title, lead: 'Sapo.', body: paragraph(`${title}.`), tags: [], expectedVersion: version });
        saves++;
      }
    });
    while (saves < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    const backup = await createBackup({
      databaseUrl: process.env.DATABASE_URL!,
      mediaRoot: process.env.MEDIA_ROOT!,
      out: path.join(dir, 'dang-sua.tar'),
    });
    isSaving = false;
    await Promise.all(editing);

    const into = await emptyTarget();
    targets.push(into);
    // The restore itself checks every table's count against the manifest.
    await restoreBackup({ databaseUrl: into.url, mediaRoot: into.mediaRoot, file: backup.file, knownMigrations: await codeMigrations() });
    const rows = await query<{ id: number; version: number; revisions: string; saved: string; title: string; last: string }>(
      into.url,
      `SELECT a.id, a.version, a.title,
         (SELECT count(*) FROM "ArticleRevision" r WHERE r."articleId" = a.id) AS revisions,
         (SELECT max(title) FILTER (WHERE r.version = a.version) FROM "ArticleRevision" r WHERE r."articleId" = a.id) AS last,
         (SELECT count(*) FROM "AuditEvent" e WHERE e."entityType" = 'article' AND e."entityId" = a.id::text AND e.action = 'article.saved') AS saved
       FROM "Article" a WHERE a.id IN (${articles.map((a) => a.id).join(',')})`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Number(row.revisions), `bài ${row.id}`).toBe(row.version);
      expect(Number(row.saved), `bài ${row.id}`).toBe(row.version - 1);
      expect(row.last).toBe(row.title);
    }
  }, 120_000);
});

/** A 1 MiB tmpfs (root only): the dump fits, the archive (about 2 MB with the demo images) does not. */
function mountSmallDisk(at: string): boolean {
  try {
    execFileSync('mkdir', ['-p', at]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('disk full during a backup', () => {
  it('says the disk is full, removes its partial files and keeps the older backups', async (context) => {
    const small = path.join(dir, 'nho');
    if (!mountSmallDisk(small)) context.skip('cần quyền root để gắn một tmpfs 1 MiB');
    try {
      const older = 'ban-tin-cchc-20261129-0230.tar';
      await writeFile(path.join(small, older), Buffer.alloc(100_000, 1));
      await expect(
        createBackup({
          databaseUrl: process.env.DATABASE_URL!,
          mediaRoot: process.env.MEDIA_ROOT!,
          out: path.join(small, 'ban-tin-cchc-20261130-0230.tar'),
        }),
      ).rejects.toThrow(/^Đĩa đầy: không đủ chỗ để ghi bản sao lưu vào .*các bản sao lưu cũ vẫn còn nguyên/);
      expect(await readdir(small)).toEqual([older]);
    } finally {
      execFileSync('umount', [small]);
    }
  });
});
