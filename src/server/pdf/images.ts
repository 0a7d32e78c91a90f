import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { referencedMediaIds } from '@/content/schema';
import type { IssueView, MediaInfo } from '@/server/issues/queries';
import { variantKey } from '@/server/media/images';
import { getMediaStorage } from '@/server/media/service';
import { formatIssueNumber } from '@/lib/text';
import { log } from '@/server/logger';
import { pageGeometry, printPixels } from './typeset/geometry';

/** The logo prints 64 pt wide. */
const LOGO_POINTS = 64;
/** A print file may be larger than an upload (imported, replaced by hand): shrink-on-load keeps it cheap. */
const MAX_PRINT_PIXELS = 16_384 * 16_384;

const isJpeg = (bytes: Buffer) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** Every media id the issue prints: article images and the logo. */
export function printedMediaIds(issue: IssueView): number[] {
  const ids = new Set(issue.sections.flatMap((s) => s.articles.flatMap((a) => referencedMediaIds(a.body))));
  if (issue.publication.logoMediaId) ids.add(issue.publication.logoMediaId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * One image as the PDF embeds it: a JPEG no wider than `pixels` (300 dpi across the widest
 * place it prints). A print file already that small passes through untouched; a larger one
 * is scaled once and kept under `dir`, named by the upload's hash and the width.
 */
async function sizedImage(info: MediaInfo, pixels: number, dir: string): Promise<Buffer | null> {
  const file = path.join(dir, `${createHash('sha256').update(`${info.sha256}:${info.storageKey}:${pixels}`).digest('hex')}.jpg`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return cached;
  const bytes = await getMediaStorage()
    .get(variantKey(info.storageKey, 'print'))
    .catch(() => null);
  if (!bytes) return null;
  if (isJpeg(bytes) && info.width <= pixels) return bytes;
  let sized: Buffer;
  try {
    sized = await sharp(bytes, { limitInputPixels: MAX_PRINT_PIXELS })
      .resize({ width: pixels, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch {
    // Unreadable or too many pixels even for shrink-on-load: printed as a missing image.
    return null;
  }
  await mkdir(dir, { recursive: true });
  // Write then rename: a reader never sees half a file.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, sized);
  await rename(temporary, file);
  return sized;
}

/**
 * The print JPEG of every image the issue shows, by media id, sized for this publication's
 * column. A file missing from storage (or unreadable) is left out and logged; the document
 * draws a placeholder in its place.
 */
export async function printImages(issue: IssueView, dir: string): Promise<Map<number, Buffer>> {
  const geometry = pageGeometry(issue.publication.pageSize, issue.publication.columns);
  const images = new Map<number, Buffer>();
  const missing: number[] = [];
  await Promise.all(
    printedMediaIds(issue).map(async (id) => {
      const info = issue.media.get(id);
      const points = id === issue.publication.logoMediaId ? LOGO_POINTS : geometry.columnWidth;
      const bytes = info ? await sizedImage(info, printPixels(points), dir) : null;
      if (bytes) images.set(id, bytes);
      else missing.push(id);
    }),
  );
  if (missing.length) {
    log.warn(`PDF số ${formatIssueNumber(issue.number)}/${issue.year}: thiếu ảnh in trong kho, thay bằng khung trống.`, {
      mediaIds: missing.sort((a, b) => a - b).join(', '),
    });
  }
  return images;
}
