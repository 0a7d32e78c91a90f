import { z } from 'zod';
import { calendarDateSchema } from './dates';
import { issueNumberSchema, issueYearSchema } from './issue';

// Bulletin import: the limits the upload form and the server share, the shape of a proposed
// issue (what the recogniser found, shown on the review screen and printed by the CLI), and
// the editor's changes to it.

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm', '.md', '.txt'] as const;
export const MAX_REVIEW_EDITS = 1000;

export type Confidence = 'high' | 'low';

export type ProposedInline = { text: string; bold?: true; italic?: true; href?: string };

export type ProposedImage = {
  type: 'image';
  caption: string | null;
  credit: string | null;
  /** Index of the photo's bytes in the file; null when the file kept only its caption. */
  image: number | null;
  confidence: Confidence;
};

export type ProposedBlock =
  | { type: 'paragraph'; runs: ProposedInline[] }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; rows: string[][] }
  | { type: 'quote'; text: string }
  | ProposedImage;

export type ProposedSource = { authors: string | null; outlet: string | null; url: string | null };

export type ProposedArticle = {
  /** Stable within one analysis of one file, so edits can name articles. */
  id: string;
  title: string;
  lead: string | null;
  body: ProposedBlock[];
  source: ProposedSource | null;
  confidence: { title: Confidence; source: Confidence | null };
  /** First line of the article in the source text (review screen). */
  line: number;
};

export type ProposedSection = { id: string; title: string; articles: ProposedArticle[] };

export type ProposedIssue = {
  publication: string | null;
  number: number | null;
  year: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  sections: ProposedSection[];
  /** Entries of the printed table of contents, as printed (a hint only). */
  toc: string[];
  warnings: string[];
};

/** What the review screen receives for an upload (the file itself stays staged on the server). */
export type ReviewPayload = {
  token: string;
  fileName: string;
  format: string;
  proposal: ProposedIssue;
  sourceText: string[];
  photos: number;
  /** The number the file gives is already used this year. */
  numberTaken: boolean;
};

// ---------------------------------------------------------------------------------------------
// The editor's changes on the review screen, replayed by the server on its own analysis.

const id = z.string().min(1).max(40);
const title = z
  .string()
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Tiêu đề không được để trống.').max(300, 'Tiêu đề tối đa 300 ký tự.'));

export const reviewEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('renameArticle'), article: id, title }),
  z.strictObject({ op: z.literal('renameSection'), section: id, title }),
  /** The article joins the one before it (its title becomes a sub-heading there). */
  z.strictObject({ op: z.literal('mergeArticle'), article: id }),
  /** A new article starts at body block `at`, whose text becomes its title. */
  z.strictObject({ op: z.literal('splitArticle'), article: id, at: z.number().int().min(0).max(10_000) }),
  z.strictObject({ op: z.literal('moveArticle'), article: id, section: id, position: z.number().int().min(0).max(10_000) }),
  z.strictObject({ op: z.literal('dropArticle'), article: id }),
]);

export type ReviewEdit = z.infer<typeof reviewEditSchema>;
export const reviewEditsSchema = z.array(reviewEditSchema).max(MAX_REVIEW_EDITS, 'Quá nhiều thay đổi; hãy tải tệp lên lại.');

// ---------------------------------------------------------------------------------------------
// Where the imported articles go.

export const importTargetSchema = z.discriminatedUnion('kind', [
  /** A new draft issue. */
  z.strictObject({
    kind: z.literal('new'),
    number: issueNumberSchema,
    year: issueYearSchema,
    periodStart: calendarDateSchema('Từ ngày'),
    periodEnd: calendarDateSchema('Đến ngày'),
  }),
  /** An existing draft issue, at the end of its sections (matched by name, else added). */
  z.strictObject({ kind: z.literal('existing'), issueId: z.number().int().positive(), expectedVersion: z.number().int().positive() }),
  /** A back issue, published in the archive on `publishedOn`, its articles published. */
  z.strictObject({
    kind: z.literal('archive'),
    number: issueNumberSchema,
    year: issueYearSchema,
    periodStart: calendarDateSchema('Từ ngày'),
    periodEnd: calendarDateSchema('Đến ngày'),
    publishedOn: calendarDateSchema('Ngày phát hành'),
  }),
]);

export type ImportTargetInput = z.input<typeof importTargetSchema>;
