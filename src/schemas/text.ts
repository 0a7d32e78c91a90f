import { z } from 'zod';
import { cleanMultilineText, cleanText, stripControlCharacters } from '@/lib/text';

// Every text a person types goes through one of these before its limits are checked, so a
// NUL (which PostgreSQL refuses), another control character or a direction override pasted
// from somewhere never reaches the database, a page or a PDF. They are removed rather than
// refused: they are invisible, so a message about them could not be acted on.

/** A one-line text (title, name, tag, section title…), cleaned, then checked by `then`. */
export function singleLineText<T extends z.ZodType<unknown, string>>(then: T, error?: string) {
  return z.string({ error }).transform(cleanText).pipe(then);
}

/** A text of several lines (lead, comment, reason), cleaned, then checked by `then`. */
export function multilineText<T extends z.ZodType<unknown, string>>(then: T, error?: string) {
  return z.string({ error }).transform(cleanMultilineText).pipe(then);
}

/** A run of rich text: cleaned of control characters only, its spaces kept as typed. */
export function richTextRun<T extends z.ZodType<unknown, string>>(then: T) {
  return z
    .string()
    .transform((text) => stripControlCharacters(text.normalize('NFC')))
    .pipe(then);
}
