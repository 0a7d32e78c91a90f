// `npm run import -- [--dry-run] [--json] [--archive] [--as EMAIL] FILE...`: the import pipeline
// of the editorial area, for many files at once.
//   --dry-run --json  one JSON document per file on stdout (the shape fixed by issue 14), no
//                     database needed; a file that cannot be read prints one line on stderr
//                     and the command exits 1 after the other files.
//   (no --dry-run)    creates a draft issue per file with its articles as drafts, as the user
//                     given by --as (default: the first active admin), on DATABASE_URL's
//                     database or the embedded one; --archive creates a published back issue
//                     instead, keeping a PDF file as the issue's print file.
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError, openDatabase } from './lib/database.ts';
import { analyseImport } from '../src/server/import/pipeline.ts';
import { toCliIssue } from '../src/server/import/output.ts';
import { MAX_IMPORT_BYTES } from '../src/schemas/import.ts';

const USAGE = 'Cách dùng: npm run import -- [--dry-run] [--json] [--archive] [--as email] TỆP...';

type Options = { dryRun: boolean; json: boolean; archive: boolean; as: string | null; files: string[] };

function parseArgs(argv: string[]): Options {
  const options: Options = { dryRun: false, json: false, archive: false, as: null, files: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--archive') options.archive = true;
    else if (arg === '--as') options.as = argv[++index] ?? '';
    else if (arg.startsWith('--')) throw new StartupError(`Tùy chọn không rõ: ${arg}. ${USAGE}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0 || options.as === '') throw new StartupError(USAGE);
  return options;
}

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

async function readInput(file: string): Promise<Buffer> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error('không tìm thấy tệp.');
  // Refused before reading: a 100 MB file is never loaded.
  if (info.size > MAX_IMPORT_BYTES)
    throw new Error(`tệp quá lớn (${Math.ceil(info.size / 1048576)} MB; tối đa ${MAX_IMPORT_BYTES / 1048576} MB).`);
  return readFile(file);
}

async function dryRun(options: Options): Promise<number> {
  let failures = 0;
  for (const file of options.files) {
    try {
      const { proposal } = await analyseImport(path.basename(file), await readInput(file));
      const document = toCliIssue(file, proposal);
      if (options.json) process.stdout.write(`${JSON.stringify(document)}\n`);
      else {
        const count = document.sections.reduce((sum, section) => sum + section.articles.length, 0);
        console.log(`${file}: số ${document.number ?? '?'}/${document.year ?? '?'}, ${document.sections.length} chuyên mục, ${count} bài.`);
        for (const warning of document.warnings) console.log(`  ! ${warning}`);
      }
    } catch (error) {
      failures++;
      console.error(`${file}: ${oneLine(error)}`);
    }
  }
  return failures ? 1 : 0;
}

async function create(options: Options): Promise<number> {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  // Loaded after DATABASE_URL is set: the domain modules read it on first use.
  const { getDb } = await import('../src/server/db/client.ts');
  const { importIssue } = await import('../src/server/import/commands.ts');
  let failures = 0;
  try {
    const actor = await getDb().user.findFirst({
      where: options.as ? { email: options.as.toLowerCase(), isActive: true } : { role: 'ADMIN', isActive: true },
      orderBy: { id: 'asc' },
    });
    if (!actor)
      throw new StartupError(
        options.as ? `Không có tài khoản đang hoạt động ${options.as}.` : 'Chưa có tài khoản Quản trị nào; dùng --as email.',
      );
    for (const file of options.files) {
      try {
        const bytes = await readInput(file);
        const { proposal } = await analyseImport(path.basename(file), bytes);
        const { number, year, periodStart, periodEnd } = proposal;
        if (!number || !year || !periodStart || !periodEnd)
          throw new Error('không đọc được số, năm hoặc kỳ của bản tin; hãy nhập tệp này trong trang quản trị.');
        const target = options.archive
          ? { kind: 'archive', number, year, periodStart, periodEnd, publishedOn: periodEnd }
          : { kind: 'new', number, year, periodStart, periodEnd };
        const result = await importIssue(actor, { fileName: path.basename(file), bytes, target });
        if (options.json) process.stdout.write(`${JSON.stringify({ file, ...result })}\n`);
        else
          console.log(
            `${file}: đã tạo Số ${number}/${year} ${options.archive ? '(đã xuất bản)' : '(nháp)'} với ${result.articleIds.length} bài: /quan-tri/ban-tin/${result.issueId}`,
          );
      } catch (error) {
        failures++;
        console.error(`${file}: ${oneLine(error)}`);
      }
    }
  } finally {
    await getDb().$disconnect();
    await database.embedded?.stop();
  }
  return failures ? 1 : 0;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  return options.dryRun ? dryRun(options) : create(options);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof StartupError ? error.message : oneLine(error));
    process.exit(error instanceof StartupError ? 2 : 1);
  },
);
