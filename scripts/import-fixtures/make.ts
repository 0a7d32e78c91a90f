// Regenerates the import fixtures of tests/fixtures/import/ from the two real Lai Châu
// bulletins (../shared/seeds/ and their hand-structured form in prisma/demo-data/):
//   so-NN-2025.docx  a Word bulletin (masthead table, headings, lists, photos with captions)
//   so-NN-2025.pdf   that .docx printed by LibreOffice (text layer, images, page footers)
//   so-NN-2025.txt   the seed hard-wrapped at 90 columns with page headers/footers
//   so-NN-2025.md    Markdown (Số 08: the seed itself; Số 17: written from the structure)
//   so-17-2025.seed.txt  the Số 17 seed as received
//   scan-only.pdf    a page that is only a photo (no text layer: needs OCR)
//   encrypted.pdf    a PDF that needs a password to open
// The hand-written fixtures of other bulletin shapes (digest, web page, PDF text) are not
// touched. The outputs are committed so CI needs neither LibreOffice nor the seeds.
//
//   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2
//   npm run fixtures:import            (SEEDS=/path/to/seeds to use another seed folder)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { readDemoIssues, type DemoIssue } from '../../src/server/demo/demo-data.ts';
import { formatIssueNumber } from '../../src/lib/text.ts';
import { bulletinDocx } from './docx.ts';
import { asExtractedText, bulletinMarkdown, markdownToPlain } from './shapes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'tests/fixtures/import');
// shared/ sits beside the repository (or beside the folder of worktrees).
const seeds =
  process.env.SEEDS ?? [path.resolve(root, '../shared/seeds'), path.resolve(root, '../../shared/seeds')].find((dir) => existsSync(dir))!;
const SEED_FILES: Record<number, string> = { 8: 'lai-chau-so-08-2025.md', 17: 'lai-chau-so-17-2025.txt' };

/** A small photo stand-in, different for each index, so the files stay small. */
async function photo(index: number): Promise<Buffer> {
  const hue = (index * 53) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300">
    <rect width="480" height="300" fill="hsl(${hue},35%,60%)"/>
    <path d="M0 240 L160 150 L260 210 L380 120 L480 230 L480 300 L0 300 Z" fill="hsl(${(hue + 180) % 360},25%,30%)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 45 }).toBuffer();
}

function printToPdf(docxPath: string, outDir: string, filter = 'pdf') {
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, docxPath], {
    stdio: 'ignore',
    env: { ...process.env, HOME: outDir },
  });
}

async function writeForms(issue: DemoIssue, work: string) {
  const base = `so-${formatIssueNumber(issue.number)}-${issue.year}`;
  const docxPath = path.join(out, `${base}.docx`);
  await writeFile(docxPath, await bulletinDocx(issue, photo));
  printToPdf(docxPath, work);
  await copyFile(path.join(work, `${base}.pdf`), path.join(out, `${base}.pdf`));

  const seed = await readFile(path.join(seeds, SEED_FILES[issue.number]!), 'utf8');
  const isMarkdown = SEED_FILES[issue.number]!.endsWith('.md');
  const header = `THÔNG TIN CẢI CÁCH HÀNH CHÍNH – SỐ ${formatIssueNumber(issue.number)}/${issue.year}`;
  await writeFile(path.join(out, `${base}.txt`), asExtractedText(isMarkdown ? markdownToPlain(seed) : seed, header));
  if (isMarkdown) await writeFile(path.join(out, `${base}.md`), seed);
  else {
    await writeFile(path.join(out, `${base}.md`), bulletinMarkdown(issue));
    await writeFile(path.join(out, `${base}.seed.txt`), seed);
  }
  console.log(`${base}: docx, pdf, txt, md`);
}

/** The two PDFs an import must refuse: a scan without text, and one behind a password. */
async function writeRefusedPdfs(work: string) {
  const scan = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new ImageRun({ type: 'jpg', data: await photo(1), transformation: { width: 480, height: 300 } })] }),
        ],
      },
    ],
  });
  await writeFile(path.join(work, 'scan-only.docx'), await Packer.toBuffer(scan));
  printToPdf(path.join(work, 'scan-only.docx'), work);
  await copyFile(path.join(work, 'scan-only.pdf'), path.join(out, 'scan-only.pdf'));
  const secret = new Document({ sections: [{ children: [new Paragraph({ text: 'BẢN TIN MẬT — SỐ 01/2025' })] }] });
  await writeFile(path.join(work, 'encrypted.docx'), await Packer.toBuffer(secret));
  const password = { EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'matkhau' } };
  printToPdf(path.join(work, 'encrypted.docx'), work, `pdf:writer_pdf_Export:${JSON.stringify(password)}`);
  await copyFile(path.join(work, 'encrypted.pdf'), path.join(out, 'encrypted.pdf'));
  console.log('scan-only.pdf, encrypted.pdf');
}

const work = await mkdtemp(path.join(os.tmpdir(), 'import-fixtures-'));
try {
  for (const issue of await readDemoIssues()) await writeForms(issue, work);
  await writeRefusedPdfs(work);
} finally {
  await rm(work, { recursive: true, force: true });
}
