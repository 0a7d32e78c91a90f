// Small text rules shared by the web page, the PDF and the seed.

/** NFC, trimmed, inner runs of white space folded: NFD text extracts garbled from PDFs. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
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
