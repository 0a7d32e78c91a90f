import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IssueView } from '@/server/issues/queries';
import { getPublicBaseUrl } from '@/server/env';
import { PdfUnavailableError } from '@/server/errors';
import { printedMediaIds } from './images';
import { issueCreationDate, pdfDataDir, renderIssuePdf, RENDERER_VERSION, type PdfOptions } from './render';
import { log } from '../logger';

/** How long a request waits (queue included) before giving up; the render still finishes and is kept. */
const WAIT_TIMEOUT_MS = 60_000;
/** Files unused for this long are removed when a new one is written. */
const UNUSED_FILE_TTL_MS = 30 * 24 * 3600_000;
const SWEEP_INTERVAL_MS = 3600_000;

export type StoredPdf = { key: string; path: string; size: number };

/**
 * The cache key: a sha256 of everything the PDF prints (issue, articles, images, publication
 * settings, the site address its links use, the preview mark) and of the renderer version.
 * Any edit to an article or to the masthead gives a new key, so the next request renders
 * afresh.
 */
export function issuePdfKey(issue: IssueView, { preview = false }: PdfOptions = {}): string {
  const printed = {
    renderer: RENDERER_VERSION,
    preview,
    baseUrl: getPublicBaseUrl(),
    number: issue.number,
    year: issue.year,
    periodStart: issue.periodStart,
    periodEnd: issue.periodEnd,
    creationDate: issueCreationDate(issue),
    publication: issue.publication,
    sections: issue.sections.map((section) => ({
      id: section.id,
      title: section.title,
      articles: section.articles.map(({ id, tocNumber, title, lead, body, source }) => ({ id, tocNumber, title, lead, body, source })),
    })),
    media: printedMediaIds(issue).map((id) => issue.media.get(id) ?? id),
  };
  return createHash('sha256').update(JSON.stringify(printed)).digest('hex');
}

export type PdfCacheOptions = {
  dir: string;
  render: (issue: IssueView, options: PdfOptions) => Promise<Buffer>;
  timeoutMs?: number;
  /** Swept with the cache: files derived for it (the sized print images). */
  relatedDirs?: string[];
};

/**
 * Rendered PDFs on disk, keyed by issuePdfKey. Concurrent requests for one key share one
 * render (the PDF pool queues different ones); a caller waits at most `timeoutMs`.
 */
export function createPdfCache({ dir, render, timeoutMs = WAIT_TIMEOUT_MS, relatedDirs = [] }: PdfCacheOptions) {
  const inFlight = new Map<string, Promise<StoredPdf>>();
  let lastSweep = 0;

  const fileOf = (key: string) => path.join(dir, `${key}.pdf`);

  async function find(key: string): Promise<StoredPdf | null> {
    const file = fileOf(key);
    try {
      const { size } = await stat(file);
      // Marks the file as used, for the sweep; a failure here costs nothing.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return { key, path: file, size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function sweep(): Promise<void> {
    const cutoff = Date.now() - UNUSED_FILE_TTL_MS;
    for (const folder of [dir, ...relatedDirs]) {
      for (const name of await readdir(folder).catch(() => [])) {
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => null);
        if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true });
      }
    }
  }

  async function store(key: string, bytes: Buffer): Promise<StoredPdf> {
    await mkdir(dir, { recursive: true });
    const file = fileOf(key);
    // Write then rename: a reader never sees half a file.
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    if (Date.now() - lastSweep > SWEEP_INTERVAL_MS) {
      lastSweep = Date.now();
      sweep().catch((error) => log.error('Không dọn được bộ nhớ đệm PDF.', { error }));
    }
    return { key, path: file, size: bytes.length };
  }

  /** The stored PDF for this issue, rendered first when there is none for its current content. */
  async function get(issue: IssueView, options: PdfOptions = {}, key = issuePdfKey(issue, options)): Promise<StoredPdf> {
    const stored = await find(key);
    if (stored) return stored;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = render(issue, options)
        .then((bytes) => store(key, bytes))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return withTimeout(pending, timeoutMs);
  }

  return { get };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfUnavailableError()), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let defaultCache: ReturnType<typeof createPdfCache> | undefined;

export const pdfCacheDir = () => pdfDataDir('pdf-cache');

/**
 * The issue's PDF from the cache in pdfCacheDir(), rendered on the first request for its
 * content (or ahead of it, when publishing calls this). Callers decide visibility: a public
 * IssueView for readers, an editorial one (with `preview`) for the people composing it.
 */
export function getIssuePdf(issue: IssueView, options: PdfOptions = {}, key?: string): Promise<StoredPdf> {
  defaultCache ??= createPdfCache({ dir: pdfCacheDir(), render: renderIssuePdf, relatedDirs: [pdfDataDir('pdf-images')] });
  return defaultCache.get(issue, options, key);
}
