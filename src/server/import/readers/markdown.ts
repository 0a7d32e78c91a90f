import 'server-only';
import { tidyRuns, type Inline } from '../blocks';
import { isSafeHref } from '@/content/schema';

// The inline part of Markdown that bulletins use: **bold**, *italic*, [text](url), <url>,
// backslash escapes. Anything else stays text.

const TOKEN =
  /(\\[\\`*_{}[\]()#+\-.!>|])|(\*\*|__)(?=\S)([\s\S]*?\S)\2|\*(?=\S)([^*]*?\S)\*|\[([^\]]+)\]\(([^)\s]*)\)|<(https?:\/\/[^>\s]+)>/g;

export function markdownRuns(text: string, marks: Omit<Inline, 'text'> = {}): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) out.push({ ...marks, text: text.slice(last, match.index) });
    const [, escaped, , strong, emphasis, linkText, linkHref, autolink] = match;
    if (escaped) out.push({ ...marks, text: escaped.slice(1) });
    else if (strong !== undefined) out.push(...markdownRuns(strong, { ...marks, bold: true }));
    else if (emphasis !== undefined) out.push(...markdownRuns(emphasis, { ...marks, italic: true }));
    else if (linkText !== undefined) {
      const href = linkHref && isSafeHref(linkHref) ? linkHref : undefined;
      out.push(...markdownRuns(linkText, href ? { ...marks, href } : marks));
    } else if (autolink) out.push({ ...marks, href: autolink, text: autolink });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ ...marks, text: text.slice(last) });
  return tidyRuns(out);
}

export const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
export const MARKDOWN_IMAGE = /^!\[([^\]]*)\]\(([^)]*)\)\s*$/;
export const MARKDOWN_QUOTE = /^>\s?(.*)$/;
export const MARKDOWN_TABLE_ROW = /^\s*\|(.*)\|\s*$/;
export const MARKDOWN_TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
