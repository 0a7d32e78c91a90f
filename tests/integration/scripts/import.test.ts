// The CLI contract of `npm run import`, tested by running the script as a user would.
import { spawn } from 'node:child_process';
import { writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/server/db/client';

const root = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(root, 'tests/fixtures/import');

function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import.ts', ...args], {
      cwd: root,
      env: { ...process.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const fixture = (name: string) => path.join(FIXTURES, name);

describe('npm run import -- --dry-run --json', () => {
  it('prints exactly one JSON document per file, in the fixed shape, and exits 0', async () => {
    const files = [fixture('so-17-2025.docx'), fixture('so-08-2025.md'), fixture('web-ban-tin-quang-nam.html')];
    const { code, stdout, stderr } = await runImport(['--dry-run', '--json', ...files]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const documents = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(documents.map((document) => document.file)).toEqual(files);
    for (const document of documents) {
      expect(Object.keys(document)).toEqual(['file', 'publication', 'number', 'year', 'periodStart', 'periodEnd', 'sections', 'warnings']);
      for (const section of document.sections) {
        expect(Object.keys(section)).toEqual(['title', 'articles']);
        for (const article of section.articles) {
          expect(Object.keys(article)).toEqual(['title', 'lead', 'paragraphs', 'images', 'source']);
          expect(article.paragraphs.every((paragraph: unknown) => typeof paragraph === 'string')).toBe(true);
          for (const image of article.images) expect(Object.keys(image)).toEqual(['caption', 'credit']);
          expect(Object.keys(article.source)).toEqual(['authors', 'outlet', 'url']);
        }
      }
    }
    expect(documents[0]).toMatchObject({ number: 17, year: 2025, periodStart: '2025-10-13', periodEnd: '2025-10-26' });
    expect(documents[0].sections.flatMap((section: { articles: unknown[] }) => section.articles)).toHaveLength(15);
  });

  it('an unreadable file: one line on stderr saying why, exit non-zero, the other files still printed', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'import-cli-'));
    const legacy = path.join(folder, 'cu.doc');
    await writeFile(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const { code, stdout, stderr } = await runImport([
      '--dry-run',
      '--json',
      fixture('trich-xuat-pdf.txt'),
      legacy,
      fixture('scan-only.pdf'),
    ]);
    expect(code).not.toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/cu\.doc: .*lưu thành \.docx/);
    expect(lines[1]).toMatch(/scan-only\.pdf: .*OCR/);
  });

  it('a missing file and a bad option are reported in one line', async () => {
    const missing = await runImport(['--dry-run', '--json', '/khong/co/tep.docx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('/khong/co/tep.docx: không tìm thấy tệp.');
    const usage = await runImport(['--khong-biet', 'a.docx']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run import (creating)', () => {
  it('creates a draft issue as the given user', async () => {
    const { code, stdout, stderr } = await runImport(['--json', '--as', 'bientap@demo.local', fixture('trich-xuat-pdf.txt')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    const issue = await getDb().issue.findUniqueOrThrow({ where: { id: result.issueId }, include: { createdBy: true } });
    expect(issue).toMatchObject({ number: 5, year: 2025, status: 'DRAFT' });
    expect(issue.createdBy?.email).toBe('bientap@demo.local');
    expect(result.articleIds).toHaveLength(4);
  });

  it('--archive publishes a back issue with its PDF as print file', async () => {
    // The demo data already has Số 08/2025: this file's number must be free.
    await getDb().articlePlacement.deleteMany({ where: { section: { issue: { year: 2025, number: 8 } } } });
    await getDb().issue.deleteMany({ where: { year: 2025, number: 8 } });
    const { code, stdout, stderr } = await runImport(['--archive', fixture('so-08-2025.pdf')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/đã tạo Số 8\/2025 \(đã xuất bản\) với 9 bài/);
    const issue = await getDb().issue.findFirstOrThrow({ where: { year: 2025, number: 8 }, include: { printFile: true, createdBy: true } });
    expect(issue.status).toBe('PUBLISHED');
    expect(issue.createdBy?.role).toBe('ADMIN');
    expect(issue.printFile?.originalName).toBe('so-08-2025.pdf');
  });
});
