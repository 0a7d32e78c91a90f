import 'server-only';
import { removeDiacritics } from '@/lib/slug';
import type { ProposedSource } from '@/schemas/import';

// The recurring lines of Vietnamese bulletins, each recognised by its wording alone: section
// lines in capitals, photo credits ("… - Ảnh: VGP", "(Ảnh: ĐẢNG KHOA)"), source lines ("Theo
// Thu Giang - https://baochinhphu.vn/", "Nguồn: vnexpress.net", a bare address) and bylines.

const hasLetters = (text: string, count: number) => (text.match(/\p{L}/gu)?.length ?? 0) >= count;

/** "THÔNG TIN CCHC CỦA TRUNG ƯƠNG", "II. TIN ĐỊA PHƯƠNG": a line in capitals, short, no sentence. */
export function isCapitalsLine(text: string): boolean {
  const bare = stripOrdinal(text);
  if (!hasLetters(bare, 4) || bare.length > 150 || /[.;:]$/.test(bare)) return false;
  if (parseCredit(bare) || parseSourceLine(bare)) return false;
  return bare === bare.toLocaleUpperCase('vi') && bare !== bare.toLocaleLowerCase('vi');
}

/** "I. ", "2) ", "1.": the numbering printed before a heading or a TOC entry. */
export const stripOrdinal = (text: string) => text.replace(/^\s*(?:[IVXLC]{1,6}|\d{1,3}|[a-zđ])[.)]\s+/i, '').trim();

/** Words that stay in capitals when a heading is written in sentence case: no vowel, or a known abbreviation. */
function keepsCapitals(word: string): boolean {
  const bare = removeDiacritics(word).replace(/[^A-Za-z]/g, '');
  // "CCHC", "HĐND", "BHXH" have no vowel; "UBND", "UBMTTQ" start with Ủy ban's "UB".
  return bare.length >= 2 && (!/[AEIOUY]/i.test(bare) || /^UB[^AEIOUY]+$/.test(bare));
}

/** "THÔNG TIN CCHC CỦA TỈNH" → "Thông tin CCHC của tỉnh"; mixed-case text is kept. */
export function sentenceCase(text: string): string {
  const bare = stripOrdinal(text);
  if (bare !== bare.toLocaleUpperCase('vi')) return bare;
  const words = bare.split(/(\s+)/).map((word) => (keepsCapitals(word) ? word : word.toLocaleLowerCase('vi')));
  const joined = words.join('');
  return joined.charAt(0).toLocaleUpperCase('vi') + joined.slice(1);
}

const CREDIT = /(?:^|[\s.,;\-–—(])\(?((?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Ảnh tư liệu)\s*:\s*[^()]{1,80}?)\)?\.?$/iu;
const CREDIT_ONLY = /^\(?(Ảnh(?: minh họa| minh hoạ| tư liệu)?|Nguồn ảnh)\s*[:.]?\s*\)?$/iu;

export type Caption = { caption: string | null; credit: string | null };

/**
 * A photo caption by its credit: "… - Ảnh: VGP", "… (Ảnh: ĐẢNG KHOA)", "Ảnh: Gia Đoàn",
 * "Ảnh minh họa", "Ảnh: Quang cảnh hội nghị." (a description after "Ảnh:" is the caption).
 */
export function parseCredit(text: string): Caption | null {
  const line = text.trim();
  if (line.length > 400) return null;
  if (CREDIT_ONLY.test(line)) return { caption: line.replace(/[().:]/g, '').trim(), credit: null };
  const match = CREDIT.exec(line);
  if (!match) return null;
  const credit = match[1]!.replace(/\s+/g, ' ').trim();
  const caption = line
    .slice(0, match.index)
    .replace(/[\s\-–—,;(]+$/, '')
    .trim();
  const after = credit.replace(/^[^:]+:\s*/, '');
  // "Ảnh: Công chức … số hóa sổ hộ tịch." is a caption written after "Ảnh:", not a name.
  if (!caption && (after.split(/\s+/).length > 5 || /\.$/.test(line))) {
    return { caption: line.replace(/^\(?[^:]+:\s*/, '').replace(/\)$/, ''), credit: null };
  }
  return { caption: caption || null, credit };
}

const URL = /<?(https?:\/\/[^\s<>]+?)>?[.,]?$/i;
const DOMAIN = /^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov\.vn|com\.vn|org\.vn|edu\.vn))\/?$/i;
// (?=\s|$) rather than \b: \b only knows ASCII letters, so it fails after "Sở".
const OUTLET_WORDS =
  /^(Báo|Tạp chí|Cổng|Trang|Đài|Thông tấn|TTXVN|VTV|VOV|Truyền hình|Sở|Bộ|Văn phòng|UBND|Ủy ban|Ban|Trung tâm|Phòng|Cục|Viện)(?=\s|$)/u;
const TRAILING_DOMAIN = /\s*[-–—,]\s*((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)\/?)$/i;
const DATE_SUFFIX = /,?\s*(?:ngày\s*)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*$/iu;

/** Words that start with a capital letter (Vietnamese names), initials ("N.Dung") allowed. */
const isNameLike = (text: string) =>
  text
    .split(/[\s\-–]+/)
    .filter(Boolean)
    .every((word) => /^[\p{Lu}(][\p{L}.()]*$/u.test(word) || /^\p{Lu}\.\p{Lu}/u.test(word));

/** An author or an outlet: "Báo Nhân Dân", "vnexpress.net" are outlets, "Thu Giang" an author. */
function whoFrom(text: string, knownOutlets: ReadonlyMap<string, string>): Pick<ProposedSource, 'authors' | 'outlet' | 'url'> {
  const who = text
    .replace(DATE_SUFFIX, '')
    .replace(/[\s\-–—,]+$/, '')
    .trim();
  const domain = DOMAIN.exec(who);
  if (domain) return { authors: null, outlet: outletFor(domain[1]!, knownOutlets), url: `https://${domain[1]!.toLowerCase()}` };
  if (OUTLET_WORDS.test(who)) return { authors: null, outlet: who, url: null };
  return { authors: who || null, outlet: null, url: null };
}

/**
 * "Theo Thu Giang - https://baochinhphu.vn/", "Theo Minh Hiên-<https://…>", "(Nguồn: Báo
 * Điện tử Chính phủ, ngày 09/10/2025)", "Theo baohagiang.vn", a bare "<https://baolaichau.vn/>".
 * Strict: "Theo Bộ trưởng, sau hơn 3 tháng …" is a sentence, not a source.
 */
export function parseSourceLine(text: string, knownOutlets: ReadonlyMap<string, string> = new Map()): ProposedSource | null {
  const line = text
    .replace(/^\*+|\*+$/g, '')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (line.length > 200) return null;
  const bareUrl = /^<?(https?:\/\/[^\s<>]+?)>?\/?$/i.exec(line);
  if (bareUrl) return { authors: null, outlet: outletFor(hostOf(bareUrl[1]!), knownOutlets), url: line.replace(/^<|>$/g, '') };
  const lead = /^(?:Theo|Nguồn\s*:?)\s+(.+)$/iu.exec(line);
  if (!lead) return null;
  let rest = lead[1]!.trim();
  let url: string | null = null;
  const address = URL.exec(rest);
  const site = address ? null : TRAILING_DOMAIN.exec(rest);
  if (address) {
    url = address[1]!;
    rest = rest
      .slice(0, address.index)
      .replace(/[\s\-–—,]+$/, '')
      .trim();
  } else if (site && rest.slice(0, site.index).trim()) {
    // "Theo Văn Sự - baoquangnam.vn": the site's address printed without http.
    url = `https://${site[1]!.toLowerCase().replace(/\/$/, '')}/`;
    rest = rest.slice(0, site.index).trim();
  }
  const named = rest.replace(DATE_SUFFIX, '').trim();
  if (!url) {
    // Without an address the line must read as a name, not a sentence.
    if (!named || named.length > 80 || !/^[\p{Lu}\d]|^[a-z0-9-]+\.[a-z]/u.test(named)) return null;
    if (/,/.test(named) && !OUTLET_WORDS.test(named)) return null;
    if (!isNameLike(named) && !OUTLET_WORDS.test(named) && !DOMAIN.test(named)) return null;
  }
  const who = named ? whoFrom(named, knownOutlets) : { authors: null, outlet: null, url: null };
  const finalUrl = url ?? who.url;
  const outlet = who.outlet ?? (finalUrl ? outletFor(hostOf(finalUrl), knownOutlets) : null);
  return { authors: who.authors, outlet, url: finalUrl };
}

/**
 * "Quốc Thái", "Phạm Thịnh – Thái Dương", "P.Mai", "Nguyễn Văn Hòa, Sở Thông tin và Truyền
 * thông": a byline closing an article (a name, maybe followed by the author's agency).
 */
export function isByline(text: string): boolean {
  const [name, ...agency] = text.trim().split(',');
  if (agency.length === 1 && OUTLET_WORDS.test(agency[0]!.trim()) && agency[0]!.length <= 80) return isByline(name!);
  const line = text.trim();
  if (line.length < 3 || line.length > 60 || /\d/.test(line) || /[.:;!?]$/.test(line.replace(/\b\p{Lu}\.$/u, ''))) return false;
  const words = line.split(/[\s\-–,]+/).filter(Boolean);
  return words.length >= 1 && words.length <= 8 && isNameLike(line);
}

export function hostOf(url: string): string {
  try {
    return new globalThis.URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** National outlets by address; the office's own names for others come from `knownOutlets`. */
const OUTLETS: Record<string, string> = {
  'baochinhphu.vn': 'Báo Chính phủ',
  'chinhphu.vn': 'Cổng TTĐT Chính phủ',
  'moha.gov.vn': 'Bộ Nội vụ',
  'nhandan.vn': 'Báo Nhân Dân',
  'vnexpress.net': 'VnExpress',
  'dantri.com.vn': 'Báo Dân trí',
  'tuoitre.vn': 'Báo Tuổi Trẻ',
  'thanhnien.vn': 'Báo Thanh Niên',
  'vietnamplus.vn': 'VietnamPlus',
  'baomoi.com': 'Báo Mới',
  '24h.com.vn': '24h',
  'nld.com.vn': 'Báo Người Lao Động',
  'laodong.vn': 'Báo Lao Động',
  'qdnd.vn': 'Báo Quân đội nhân dân',
  'cand.com.vn': 'Báo Công an nhân dân',
  'vov.vn': 'VOV',
  'vtv.vn': 'VTV',
  'tapchicongsan.org.vn': 'Tạp chí Cộng sản',
};

export function outletFor(host: string, knownOutlets: ReadonlyMap<string, string>): string {
  const bare = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\/$/, '');
  return knownOutlets.get(bare) ?? OUTLETS[bare] ?? bare;
}
