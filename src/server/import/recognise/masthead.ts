import 'server-only';
import { blockText, type SourceBlock } from '../blocks';
import { isCapitalsLine } from './patterns';

// The masthead at the top of the first page: publication name, "SỐ 17", a period ("13–26/10"
// with the year on its own line, "13–26/10/2025", "Từ ngày 01/3/2025 đến ngày 15/3/2025") or
// one date ("ngày 10/10/2025"), the credit lines. Everything is optional; what is missing
// becomes a warning and the editor types it.

export type Masthead = {
  publication: string | null;
  number: number | null;
  year: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** Index of the first block after the masthead. */
  end: number;
};

const NUMBER = /\bsố\s*:?\s*(\d{1,3})(?:\s*\/\s*(\d{4}))?(?!\d|\/\d{1,2}\b)/iu;
const RANGE = /(\d{1,2})(?:\/(\d{1,2}))?\s*[–—-]\s*(\d{1,2})\/(\d{1,2})(?:(?:\s*\/\s*|\s+)(\d{4}))?/u;
const FROM_TO = /từ\s+ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+đến\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/iu;
const ONE_DATE = /(?:^|\s)(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})\b/iu;
const YEAR_LINE = /^(?:năm\s+)?(20\d{2}|19\d{2})$/iu;
const CREDIT_LABEL = /^(BIÊN TẬP|BAN BIÊN TẬP|CHỊU TRÁCH NHIỆM|TRÌNH BÀY|CHỊU TRÁCH NHIỆM XUẤT BẢN)/iu;
const TITLE_WORDS = /(BẢN TIN|THÔNG TIN|ĐIỂM BÁO|TẠP CHÍ|ĐẶC SAN)/iu;
const SCAN = 30;

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const validDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The lines a masthead block shows (a layout table gives one line per cell paragraph). */
function linesOf(block: SourceBlock): string[] {
  if (block.kind === 'table')
    return block.rows
      .flat()
      .flatMap((cell) => cell.split('\n'))
      .map((line) => line.trim())
      .filter(Boolean);
  return [blockText(block)].filter(Boolean);
}

type Found = {
  number?: number;
  year?: number;
  start?: [number, number, number | null];
  end?: [number, number, number | null];
  publication?: string;
};

function scanLine(line: string, found: Found): boolean {
  // A long line is body text, whose "số 178/2024" and dates are not the masthead's.
  if (line.length > 150) return false;
  let matched = false;
  const number = NUMBER.exec(line);
  if (number && found.number === undefined) {
    found.number = Number(number[1]);
    if (number[2]) found.year = Number(number[2]);
    const before = line
      .slice(0, number.index)
      .replace(/[\s\-–—,]+$/, '')
      .trim();
    if (before && !found.publication && (TITLE_WORDS.test(before) || isCapitalsLine(before))) found.publication = before;
    matched = true;
  }
  const fromTo = FROM_TO.exec(line);
  const range = fromTo ? null : RANGE.exec(line);
  if (fromTo && !found.end) {
    found.start = [Number(fromTo[1]), Number(fromTo[2]), fromTo[3] ? Number(fromTo[3]) : null];
    found.end = [Number(fromTo[4]), Number(fromTo[5]), Number(fromTo[6])];
    matched = true;
  } else if (range && !found.end) {
    const endMonth = Number(range[4]);
    found.end = [Number(range[3]), endMonth, range[5] ? Number(range[5]) : null];
    found.start = [Number(range[1]), range[2] ? Number(range[2]) : endMonth, null];
    matched = true;
  } else if (!found.end) {
    const date = ONE_DATE.exec(line);
    if (date) {
      found.start = found.end = [Number(date[1]), Number(date[2]), Number(date[3])];
      matched = true;
    }
  }
  const year = YEAR_LINE.exec(line.trim());
  if (year) {
    found.year ??= Number(year[1]);
    matched = true;
  }
  return matched;
}

function periodOf(found: Found): Pick<Masthead, 'periodStart' | 'periodEnd' | 'year'> {
  const year = found.end?.[2] ?? found.year ?? null;
  if (!found.end || !found.start || !year) return { periodStart: null, periodEnd: null, year };
  const [endDay, endMonth] = found.end;
  const startDay = found.start[0];
  let startMonth = found.start[1];
  // "28–3/8": the start day is after the end day, so it is in the month before.
  if (startMonth === endMonth && startDay > endDay) startMonth = endMonth === 1 ? 12 : endMonth - 1;
  const startYear = found.start[2] ?? (startMonth > endMonth ? year - 1 : year);
  if (!validDate(startYear, startMonth, startDay) || !validDate(year, endMonth, endDay))
    return { periodStart: null, periodEnd: null, year };
  return { periodStart: iso(startYear, startMonth, startDay), periodEnd: iso(year, endMonth, endDay), year };
}

export function readMasthead(blocks: readonly SourceBlock[]): Masthead {
  const found: Found = {};
  let end = 0;
  let afterCredit = false;
  const limit = Math.min(blocks.length, SCAN);
  for (let index = 0; index < limit; index++) {
    const block = blocks[index]!;
    if (block.kind === 'gap' || block.kind === 'image') {
      if (found.number === undefined) end = index + 1;
      continue;
    }
    const lines = linesOf(block);
    let consumed = false;
    for (const line of lines) {
      if (scanLine(line, found)) consumed = true;
      else if (afterCredit) consumed = true;
      else if (CREDIT_LABEL.test(line)) consumed = afterCredit = true;
      else if (
        !found.publication &&
        TITLE_WORDS.test(line) &&
        (isCapitalsLine(line) || block.kind === 'heading' || block.kind === 'table')
      ) {
        found.publication = line;
        consumed = true;
      }
    }
    if (afterCredit && !CREDIT_LABEL.test(lines[0] ?? '')) afterCredit = false;
    if (found.number === undefined) {
      // Before the number everything is masthead (agency lines, logo, publication name).
      end = index + 1;
      continue;
    }
    if (!consumed) break;
    end = index + 1;
  }
  if (found.number === undefined) end = leadingMasthead(blocks, found);
  return { publication: found.publication ?? null, number: found.number ?? null, ...periodOf(found), end };
}

/** Without a number, the masthead is what comes before the first section line or heading. */
function leadingMasthead(blocks: readonly SourceBlock[], found: Found): number {
  for (let index = 0; index < Math.min(blocks.length, SCAN); index++) {
    const block = blocks[index]!;
    const text = blockText(block);
    if (index > 0 && (block.kind === 'heading' || (isCapitalsLine(text) && !TITLE_WORDS.test(text)))) return index;
    if (block.kind === 'paragraph' && text.length > 200) return index;
  }
  return found.publication ? 1 : 0;
}
