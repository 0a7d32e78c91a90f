import 'server-only';
import { renderToBuffer } from '@react-pdf/renderer';
import { referencedMediaIds } from '@/content/schema';
import type { IssueView } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { variantKey } from '@/server/media/images';
import { getMediaStorage } from '@/server/media/service';
import { formatIssueNumber } from '@/lib/text';
import { IssueDocument } from './document';
import { ensurePdfFonts, printableText } from './fonts';
import { pageGeometry } from './styles';
import { log } from '../logger';

/** Bumped whenever the layout changes, so every cached file is rendered afresh. */
export const RENDERER_VERSION = 1;

/** Layout passes at most: the second normally confirms the first (see renderIssuePdf). */
const MAX_PASSES = 3;

const isJpeg = (bytes: Buffer) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** "ban-tin-cchc-so-17-2025.pdf" */
export function issuePdfFileName(issue: Pick<IssueView, 'number' | 'year'>): string {
  return `ban-tin-cchc-so-${formatIssueNumber(issue.number)}-${issue.year}.pdf`;
}

/** The PDF's creation date: fixed per issue, so one content always gives the same bytes. */
export function issueCreationDate(issue: IssueView): Date {
  return issue.publishAt ?? issue.updatedAt;
}

/**
 * The print JPEG of every image the issue shows, by media id. A file missing from storage (or
 * not a JPEG) is left out and logged; the document draws a placeholder in its place.
 */
async function loadImages(issue: IssueView): Promise<Map<number, Buffer>> {
  const ids = new Set(issue.sections.flatMap((s) => s.articles.flatMap((a) => referencedMediaIds(a.body))));
  if (issue.publication.logoMediaId) ids.add(issue.publication.logoMediaId);
  const storage = getMediaStorage();
  const images = new Map<number, Buffer>();
  const missing: number[] = [];
  await Promise.all(
    [...ids].map(async (id) => {
      const info = issue.media.get(id);
      const bytes = info ? await storage.get(variantKey(info.storageKey, 'print')).catch(() => null) : null;
      if (bytes && isJpeg(bytes)) images.set(id, bytes);
      else missing.push(id);
    }),
  );
  if (missing.length) {
    log.warn(`PDF số ${formatIssueNumber(issue.number)}/${issue.year}: thiếu ảnh in trong kho, thay bằng khung trống.`, {
      mediaIds: missing.sort((a, b) => a - b).join(','),
    });
  }
  return images;
}

function samePages(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/**
 * Renders the issue. The table of contents prints the page where each article really starts:
 * pass 1 lays the document out with placeholder numbers and records, from the layout itself,
 * the page each article title lands on; pass 2 prints those numbers and records again. The
 * numbers sit in fixed-width boxes, so the two layouts are identical and pass 2 confirms
 * pass 1; should they ever differ, one more pass uses the newer numbers.
 */
export async function renderIssuePdf(issue: IssueView): Promise<Buffer> {
  const hasGlyph = await ensurePdfFonts();
  const geometry = pageGeometry(issue.publication.pageSize);
  const context = {
    media: issue.media,
    images: await loadImages(issue),
    maxUnsplitHeight: geometry.contentHeight * 0.45,
    baseUrl: getPublicBaseUrl(),
    print: (value: string) => printableText(value, hasGlyph),
  };
  const creationDate = issueCreationDate(issue);
  let startPages: Map<number, number> | null = null;
  for (let pass = 1; ; pass++) {
    const recorded = new Map<number, number>();
    const bytes = await renderToBuffer(
      <IssueDocument
        issue={issue}
        context={context}
        startPages={startPages}
        onArticlePage={(articleId, pageNumber) => recorded.set(articleId, pageNumber)}
        creationDate={creationDate}
      />,
    );
    if (startPages && samePages(startPages, recorded)) return bytes;
    if (pass === MAX_PASSES) {
      log.error(`PDF số ${formatIssueNumber(issue.number)}/${issue.year}: số trang mục lục chưa ổn định sau ${pass} lượt dàn trang.`);
      return bytes;
    }
    startPages = recorded;
  }
}
