import 'server-only';
import path from 'node:path';
import type { IssueView } from '@/server/issues/queries';
import { getEnv, getPublicBaseUrl } from '@/server/env';
import { formatIssueNumber } from '@/lib/text';
import { printImages } from './images';
import { getPdfPool, type TaskOptions } from './pool';
import type { PagePlan, TypesetJob } from './typeset/protocol';

export type { PagePlan };

/** Bumped whenever the layout changes, so every cached file is rendered afresh. */
export const RENDERER_VERSION = 2;

export type PdfOptions = {
  /** A preview for the people composing the issue: "BẢN XEM TRƯỚC" on every page. */
  preview?: boolean;
};

/** "ban-tin-cchc-so-17-2025.pdf" */
export function issuePdfFileName(issue: Pick<IssueView, 'number' | 'year'>): string {
  return `ban-tin-cchc-so-${formatIssueNumber(issue.number)}-${issue.year}.pdf`;
}

/** The PDF's creation date: fixed per issue, so one content always gives the same bytes. */
export function issueCreationDate(issue: IssueView): Date {
  return issue.publishAt ?? issue.updatedAt;
}

/** Next to the media directory, under the same data root (.data/pdf-cache by default). */
export const pdfDataDir = (name: 'pdf-cache' | 'pdf-images') => path.join(path.dirname(getEnv().mediaRoot), name);

function jobOf(issue: IssueView, images: TypesetJob['images'], { preview = false }: PdfOptions): TypesetJob {
  return { issue, images, baseUrl: getPublicBaseUrl(), preview, creationDate: issueCreationDate(issue) };
}

/**
 * Typesets the issue in a PDF worker (see pool.ts): masthead and contents with the page each
 * article really starts on, one layout, the publication's one or two columns. Throws
 * PdfFailedError / PdfUnavailableError with a message for the editor.
 */
export async function renderIssuePdf(issue: IssueView, options: PdfOptions = {}): Promise<Buffer> {
  const images = await printImages(issue, pdfDataDir('pdf-images'));
  return (await getPdfPool().render(jobOf(issue, images, options))).pdf;
}

/** How many pages the issue prints on and where each article starts, without drawing it. */
export function planIssuePdf(issue: IssueView, options: TaskOptions = {}): Promise<PagePlan> {
  return getPdfPool().plan(jobOf(issue, new Map(), {}), options);
}
