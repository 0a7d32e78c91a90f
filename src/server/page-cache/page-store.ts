import 'server-only';
import { createHash } from 'node:crypto';
import { generateETag } from 'next/dist/server/lib/etag';
import type { CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import type { CachedRouteKind, IncrementalCacheValue } from 'next/dist/server/response-cache/types';
import type { Freshness } from './freshness';
import { stripScripts } from './html';
import { OUTAGE_HEADERS, OUTAGE_HTML } from './outage';

// The rendered public pages (and feeds) of this app server, behind Next's incremental cache
// (next-cache-handler.mjs hands every get and set here). Only finished 200 responses are kept.
// A page is served while `freshness` says nothing it shows has changed since it was rendered;
// otherwise Next renders it again before answering (never stale-while-revalidate), so a reader
// never sees a page older than the last change this server heard of.

type StoredValue = Extract<IncrementalCacheValue, { kind: 'APP_PAGE' } | { kind: 'APP_ROUTE' }>;
type CacheControl = CacheHandlerValue['cacheControl'];
type Entry = {
  value: StoredValue;
  renderedAt: number;
  bytes: number;
  cacheControl: CacheControl;
  /** The page's address, for pages a reader may be sent straight from the proxy. */
  pathname: string | null;
  /** The bytes and ETag the proxy sends, made on its first use. */
  prepared?: StoredPage;
};

/** A stored page ready to send: Next's own ETag of it (its 304s stay valid), headers, body. */
export type StoredPage = { body: Buffer; etag: string; headers: Record<string, string> };

/** The address in Next's key of a page (`…/$/ban-tin/2025/17`; `/index` is the home page). */
function pathnameOf(key: string): string | null {
  const at = key.indexOf('/$/');
  if (at < 0) return null;
  const page = key.slice(at + 2);
  return page === '/index' ? '/' : page.startsWith('/index/') ? page.slice('/index'.length) : page;
}

/** A render whose lookup is older than this is not trusted to date its result. */
const PENDING_LIMIT_MS = 60_000;

export type PageStoreOptions = {
  maxBytes: number;
  /**
   * The site's "not found" page, as the build rendered it. A route whose render calls notFound()
   * gets from Next only an empty document its scripts would fill in; this takes its place.
   */
  notFoundHtml?: string;
  /** Headers added to every page and feed this store hands out (HSTS). */
  extraHeaders?: Record<string, string>;
  now?: () => number;
};

const isStorable = (value: IncrementalCacheValue | null): value is StoredValue => value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE';

function sizeOf(value: StoredValue): number {
  return value.kind === 'APP_PAGE' ? Buffer.byteLength(value.html) + (value.rscData?.length ?? 0) : value.body.length;
}

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private readonly keyByPath = new Map<string, string>();
  /** When a missing or stale key was looked up: its next render reads the database after that. */
  private readonly pending = new Map<string, number>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(
    private readonly freshness: Freshness,
    private readonly options: PageStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string, kind: string): CacheHandlerValue | null {
    // Only pages and route handlers are ours; Next's data cache (fetch, unstable_cache) is unused.
    if (kind !== 'APP_PAGE' && kind !== 'APP_ROUTE') return null;
    const now = this.now();
    const entry = this.entries.get(key);
    if (!this.freshness.isConnected) {
      if (entry && this.freshness.isUsableDuringOutage(entry.renderedAt)) return this.hit(key, entry);
      return this.outage(kind, now);
    }
    if (entry && this.freshness.isFresh(entry.renderedAt, now)) return this.hit(key, entry);
    if (!this.pending.has(key)) this.pending.set(key, now);
    // -1 makes Next render before answering, keeping the old value only if that render fails.
    return entry ? { lastModified: -1, value: entry.value, cacheControl: entry.cacheControl } : null;
  }

  /**
   * The stored page at this address, if it may be served as is: src/proxy.ts sends it without
   * going through Next's renderer (half the work per request). Anything else (not stored, stale,
   * the database unreachable) is left to Next, which renders it or answers the outage page.
   */
  findFresh(pathname: string): StoredPage | null {
    const key = this.keyByPath.get(pathname);
    const entry = key ? this.entries.get(key) : undefined;
    if (!key || !entry || entry.value.kind !== 'APP_PAGE' || !this.freshness.isConnected) return null;
    if (!this.freshness.isFresh(entry.renderedAt, this.now())) return null;
    this.hit(key, entry);
    entry.prepared ??= {
      body: Buffer.from(entry.value.html),
      etag: generateETag(entry.value.html),
      headers: Object.fromEntries(
        Object.entries(entry.value.headers ?? {}).flatMap(([name, value]) =>
          name === 'x-next-cache-tags' || value === undefined ? [] : [[name, String(value)]],
        ),
      ),
    };
    return entry.prepared;
  }

  /**
   * Called with what Next just rendered, before it answers the request that rendered it: the
   * changes made here (scripts removed, headers added) reach that first reader too.
   */
  set(key: string, value: IncrementalCacheValue | null, cacheControl: CacheControl): void {
    const lookedUpAt = this.pending.get(key);
    this.pending.delete(key);
    const current = this.entries.get(key);
    // After a failed render Next stores the previous value again: it keeps its own date.
    if (current && current.value === value) return;
    if (!isStorable(value)) return;
    // Dated by the lookup that led to the render, which read the database after it. Without one
    // (Next revalidating on its own) the date is pushed back, so a change that committed while
    // this rendered is never missed: at worst it renders once more.
    const now = this.now();
    const renderedAt = lookedUpAt !== undefined && now - lookedUpAt < PENDING_LIMIT_MS ? lookedUpAt : now - PENDING_LIMIT_MS;
    this.decorate(value, renderedAt);
    if (value.status !== undefined && value.status !== 200) return;
    this.remove(key);
    const pathname = value.kind === 'APP_PAGE' ? pathnameOf(key) : null;
    const entry: Entry = { value, renderedAt, bytes: 2 * sizeOf(value), cacheControl, pathname };
    this.entries.set(key, entry);
    if (pathname) this.keyByPath.set(pathname, key);
    this.bytes += entry.bytes;
    this.evict();
  }

  private decorate(value: StoredValue, renderedAt: number): void {
    value.headers = { ...value.headers, ...this.options.extraHeaders, 'last-modified': new Date(renderedAt).toUTCString() };
    if (value.kind === 'APP_PAGE') {
      const isEmptyErrorDocument = value.status === 404 && value.html.includes('id="__next_error__"');
      value.html = stripScripts(isEmptyErrorDocument && this.options.notFoundHtml ? this.options.notFoundHtml : value.html);
    }
    // Next tags pages itself (and answers 304); a feed's tag is for proxies, which revalidate with it.
    else value.headers.etag = `"${createHash('sha1').update(value.body).digest('base64url')}"`;
  }

  private hit(key: string, entry: Entry): CacheHandlerValue {
    // Most recently used last: eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { lastModified: entry.renderedAt, value: entry.value, cacheControl: entry.cacheControl };
  }

  /** The outage page in place of a page the store cannot vouch for; never stored. */
  private outage(kind: 'APP_PAGE' | 'APP_ROUTE', now: number): CacheHandlerValue {
    const headers = { 'retry-after': OUTAGE_HEADERS['Retry-After'], ...this.options.extraHeaders };
    const value: StoredValue =
      kind === 'APP_ROUTE'
        ? {
            kind: 'APP_ROUTE' as CachedRouteKind.APP_ROUTE,
            body: Buffer.from(OUTAGE_HTML),
            status: 503,
            headers: { ...headers, 'content-type': OUTAGE_HEADERS['Content-Type'] },
          }
        : {
            kind: 'APP_PAGE' as CachedRouteKind.APP_PAGE,
            html: OUTAGE_HTML,
            rscData: Buffer.alloc(0),
            status: 503,
            headers,
            postponed: undefined,
            segmentData: undefined,
          };
    return { lastModified: now, value, cacheControl: { revalidate: 1, expire: undefined } };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.pathname && this.keyByPath.get(entry.pathname) === key) this.keyByPath.delete(entry.pathname);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const [key] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(key);
    }
    // Keys looked up but never rendered (errors) must not pile up.
    if (this.pending.size > 10_000) this.pending.clear();
  }
}
