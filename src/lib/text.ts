// Small text rules shared by the web page, the PDF and the seed.

// Control characters (C0 but tab, line feed and carriage return; DEL; C1) are refused by
// PostgreSQL (NUL) or invisible; direction overrides and isolates can make a text display in
// another order than it reads (a file name "gpj.exe" shown as "exe.jpg").
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const DIRECTION_CHARACTERS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and text-direction characters; keeps tabs and line breaks. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').replace(DIRECTION_CHARACTERS, '');
}

/** One line of text: NFC, control characters removed, inner white space folded, trimmed. NFD text extracts garbled from PDFs. */
export function cleanText(text: string): string {
  return stripControlCharacters(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/** Several lines (a lead, a comment): like cleanText but line breaks kept, as \n. */
export function cleanMultilineText(text: string): string {
  return stripControlCharacters(text.normalize('NFC').replace(/\r\n?/g, '\n')).trim();
}

export type ArticleSource = {
  authors: string | null;
  outlet: string | null;
  url: string | null;
};

/** "Theo Thu Giang - https://baochinhphu.vn/", as the bulletins print it. */
export function formatSourceLine(source: ArticleSource): string | null {
  const who = source.authors?.trim() || source.outlet?.trim() || null;
  const where = source.url?.trim() || (source.authors ? source.outlet?.trim() : null) || null;
  if (!who && !where) return null;
  if (who && where) return `Theo ${who} - ${where}`;
  return `Theo ${who ?? where}`;
}

/** "SỐ 17" with the number padded as the office prints it ("SỐ 08"). */
export function formatIssueNumber(number: number): string {
  return String(number).padStart(2, '0');
}

/** "1.000": thousands grouped with dots, as Vietnamese writes counts. */
export function formatCount(count: number): string {
  return count.toLocaleString('vi-VN');
}
