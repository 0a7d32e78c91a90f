import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { referencedMediaIds } from '@/content/schema';
import type { IssueView } from '@/server/issues/queries';
import { getEnv, getPublicBaseUrl } from '@/server/env';
import { issueCreationDate, renderIssuePdf, RENDERER_VERSION } from './render';
import { log } from '../logger';

/** One render at a time: layout runs on the event loop, so two would only slow each other. */
const MAX_CONCURRENT_RENDERS = 1;
/** How long a request waits (queue included) before giving up; the render still finishes and is kept. */
const RENDER_TIMEOUT_MS = 60_000;
/** Files unused for this long are removed when a new one is written. */
const UNUSED_FILE_TTL_MS = 30 * 24 * 3600_000;
const SWEEP_INTERVAL_MS = 3600_000;

export class PdfTimeoutError extends Error {}

export type StoredPdf = { key: string; path: string; size: number };

/**
 * The cache key: a sha256 of everything the PDF prints (issue, articles, images, publication
 * settings, the site address its links use) and of the renderer version. Any edit to an
 * article or to the masthead gives a new key, so the next request renders afresh.
 */
export function issuePdfKey(issue: IssueView): string {
  const mediaIds = new Set(issue.sections.flatMap((s) => s.articles.flatMap((a) => referencedMediaIds(a.body))));
  if (issue.publication.logoMediaId) mediaIds.add(issue.publication.logoMediaId);
  const printed = {
    renderer: RENDERER_VERSION,
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
    media: [...mediaIds].sort((a, b) => a - b).map((id) => issue.media.get(id) ?? id),
  };
  return createHash('sha256').update(JSON.stringify(printed)).digest('hex');
}

export type PdfCacheOptions = {
  dir: string;
  render: (issue: IssueView) => Promise<Buffer>;
  timeoutMs?: number;
};

/**
 * Rendered PDFs on disk, keyed by issuePdfKey. Concurrent requests for one key share one
 * render; renders run MAX_CONCURRENT_RENDERS at a time; a caller waits at most `timeoutMs`.
 */
export function createPdfCache({ dir, render, timeoutMs = RENDER_TIMEOUT_MS }: PdfCacheOptions) {
  const inFlight = new Map<string, Promise<StoredPdf>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let lastSweep = 0;

  const fileOf = (key: string) => path.join(dir, `${key}.pdf`);

  async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
    // A finishing render hands its slot straight to the next in line.
    if (active < MAX_CONCURRENT_RENDERS) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  }

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
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
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

  function renderAndStore(issue: IssueView, key: string): Promise<StoredPdf> {
    return withRenderSlot(async () => {
      // Another process sharing the directory may have stored it while this one queued.
      return (await find(key)) ?? store(key, await render(issue));
    });
  }

  /** The stored PDF for this issue, rendered first when there is none for its current content. */
  async function get(issue: IssueView, key = issuePdfKey(issue)): Promise<StoredPdf> {
    const stored = await find(key);
    if (stored) return stored;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = renderAndStore(issue, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return withTimeout(pending, timeoutMs);
  }

  return { get };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeoutError(`Tạo PDF quá ${ms / 1000} giây.`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let defaultCache: ReturnType<typeof createPdfCache> | undefined;

/** Next to the media directory, under the same data root (.data/pdf-cache by default). */
export const pdfCacheDir = () => path.join(path.dirname(getEnv().mediaRoot), 'pdf-cache');

/**
 * The issue's PDF from the cache in pdfCacheDir(), rendered on the first request for its
 * content (or ahead of it, when publishing calls this). Callers decide visibility: a public
 * IssueView for readers, an editorial one for an editor's preview.
 */
export function getIssuePdf(issue: IssueView, key?: string): Promise<StoredPdf> {
  defaultCache ??= createPdfCache({ dir: pdfCacheDir(), render: renderIssuePdf });
  return defaultCache.get(issue, key);
}
