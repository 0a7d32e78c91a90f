import { beforeEach, describe, expect, it } from 'vitest';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache/types';
import { Freshness } from '@/server/page-cache/freshness';
import { PageStore } from '@/server/page-cache/page-store';
import { generateETag } from 'next/dist/server/lib/etag';

const KEY = '/route-cache/APP_PAGE/abc/$/ban-tin/2025/17';
const REVALIDATE = { revalidate: false as const, expire: undefined };

let clock: number;
let freshness: Freshness;
let store: PageStore;

function page(text: string, status = 200) {
  return {
    kind: 'APP_PAGE',
    html: `<html><body><h1>${text}</h1><script>self.__next_f.push([1,"${text}"])</script></body></html>`,
    rscData: Buffer.from(`rsc ${text}`),
    headers: { 'x-next-cache-tags': '_N_T_/layout' },
    postponed: undefined,
    status,
    segmentData: undefined,
  } as unknown as IncrementalCacheValue;
}

const htmlOf = (value: unknown) => (value as { html: string }).html;

/** What Next does for one request: look up, render on a miss or a stale entry, store. */
function request(key: string, render: () => IncrementalCacheValue) {
  const found = store.get(key, 'APP_PAGE');
  if (found && found.lastModified !== -1) return { value: found.value, rendered: false };
  const value = render();
  store.set(key, value, REVALIDATE);
  return { value, rendered: true };
}

beforeEach(() => {
  clock = 1_000_000;
  freshness = new Freshness(clock);
  freshness.setConnected(true);
  store = new PageStore(freshness, {
    maxBytes: 1_000_000,
    extraHeaders: { 'strict-transport-security': 'max-age=31536000' },
    now: () => clock,
  });
  clock += 10;
});

describe('PageStore', () => {
  it('renders once, then serves the stored page until a change', () => {
    expect(request(KEY, () => page('Số 17')).rendered).toBe(true);
    clock += 10;
    const second = request(KEY, () => page('không được gọi'));
    expect(second.rendered).toBe(false);
    expect(htmlOf(second.value)).toContain('Số 17');
  });

  it('serves what it stored without scripts, with Last-Modified and the extra headers', () => {
    const value = page('Số 17');
    request(KEY, () => value);
    // Changed in place: the reader whose request rendered it gets the same page.
    expect(htmlOf(value)).toBe('<html><body><h1>Số 17</h1></body></html>');
    const stored = store.get(KEY, 'APP_PAGE')!;
    const headers = (stored.value as { headers: Record<string, string> }).headers;
    expect(headers['last-modified']).toBe(new Date(1_000_010).toUTCString());
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(headers['x-next-cache-tags']).toBe('_N_T_/layout');
  });

  it('after a change, the next request renders again before answering', () => {
    request(KEY, () => page('cũ'));
    clock += 100;
    freshness.markChanged(clock);
    clock += 1;
    const stale = store.get(KEY, 'APP_PAGE')!;
    // -1: Next renders before answering; the old value is kept only for a failed render.
    expect(stale.lastModified).toBe(-1);
    expect(htmlOf(stale.value)).toContain('cũ');
    store.set(KEY, page('mới'), REVALIDATE);
    expect(htmlOf(store.get(KEY, 'APP_PAGE')!.value)).toContain('mới');
  });

  it('a change committed while a page renders leaves that page stale', () => {
    const lookup = store.get(KEY, 'APP_PAGE');
    expect(lookup).toBeNull();
    clock += 20;
    // The render read the database, then the change committed and was heard before the store.
    freshness.markChanged(clock);
    clock += 20;
    store.set(KEY, page('đọc trước thay đổi'), REVALIDATE);
    expect(store.get(KEY, 'APP_PAGE')!.lastModified).toBe(-1);
  });

  it('a render that Next started without a lookup is dated back', () => {
    freshness.markChanged(clock);
    clock += 1000;
    store.set(KEY, page('tự làm mới'), REVALIDATE);
    expect(store.get(KEY, 'APP_PAGE')!.lastModified).toBe(-1);
  });

  it('a publish time passing makes the stored page stale with no change heard', () => {
    freshness.setPublishTimes([clock + 5000]);
    request(KEY, () => page('trước giờ hẹn'));
    clock += 4000;
    expect(request(KEY, () => page('x')).rendered).toBe(false);
    clock += 1000;
    expect(request(KEY, () => page('sau giờ hẹn')).rendered).toBe(true);
  });

  it('after a failed render, the old page Next stores again keeps its old date', () => {
    request(KEY, () => page('cũ'));
    clock += 10;
    freshness.markChanged(clock);
    clock += 10;
    const stale = store.get(KEY, 'APP_PAGE')!;
    store.set(KEY, stale.value, { revalidate: 3, expire: undefined });
    expect(store.get(KEY, 'APP_PAGE')!.lastModified).toBe(-1);
  });

  it('keeps only finished pages: a 404 is answered without scripts but not stored', () => {
    const missing = page('Không tìm thấy', 404);
    store.get(KEY, 'APP_PAGE');
    store.set(KEY, missing, REVALIDATE);
    expect(htmlOf(missing)).not.toContain('<script');
    expect(store.get(KEY, 'APP_PAGE')).toBeNull();
    expect(store.size.entries).toBe(0);
  });

  it("answers a route's notFound() with the site's not-found page instead of Next's empty document", () => {
    store = new PageStore(freshness, {
      maxBytes: 1_000_000,
      notFoundHtml: '<html><body><h1>Không tìm thấy trang</h1><script>x</script></body></html>',
      now: () => clock,
    });
    const missing = page('', 404);
    (missing as { html: string }).html =
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>self.__next_f.push([1])</script></body></html>';
    store.set(KEY, missing, REVALIDATE);
    expect(htmlOf(missing)).toBe('<html><body><h1>Không tìm thấy trang</h1></body></html>');
  });

  it("leaves Next's data cache alone", () => {
    expect(store.get('fetch-key', 'FETCH')).toBeNull();
    store.set(
      'fetch-key',
      { kind: 'FETCH', data: { headers: {}, body: '', url: '' }, revalidate: 60 } as IncrementalCacheValue,
      REVALIDATE,
    );
    expect(store.size.entries).toBe(0);
  });

  it('stays within its memory, dropping the least recently used page first', () => {
    request('a', () => page('a'));
    const size = store.size.bytes;
    store = new PageStore(freshness, { maxBytes: size * 2.5, now: () => clock });
    for (const key of ['a', 'b']) request(key, () => page(key));
    request('a', () => page('a'));
    request('c', () => page('c'));
    expect(request('a', () => page('a')).rendered).toBe(false);
    expect(request('b', () => page('b')).rendered).toBe(true);
  });

  it('hands the proxy a fresh stored page by its address, with the ETag Next gives it', () => {
    request(KEY, () => page('Số 17'));
    request('/route-cache/APP_PAGE/def/$/index', () => page('Trang chủ'));
    const issue = store.findFresh('/ban-tin/2025/17')!;
    expect(issue.body.toString()).toBe('<html><body><h1>Số 17</h1></body></html>');
    expect(issue.etag).toBe(generateETag(issue.body.toString()));
    expect(issue.headers['last-modified']).toBeDefined();
    expect(issue.headers['x-next-cache-tags']).toBeUndefined();
    expect(store.findFresh('/')!.body.toString()).toContain('Trang chủ');
    expect(store.findFresh('/ban-tin/2025/18')).toBeNull();
    clock += 10;
    freshness.markChanged(clock);
    clock += 10;
    expect(store.findFresh('/ban-tin/2025/17')).toBeNull();
    request(KEY, () => page('Số 17 mới'));
    freshness.setConnected(false);
    expect(store.findFresh('/ban-tin/2025/17')).toBeNull();
  });

  describe('with the database unreachable', () => {
    it('serves pages rendered after the last change heard, even past a publish time', () => {
      freshness.setPublishTimes([clock + 100]);
      request(KEY, () => page('Số 17'));
      freshness.setConnected(false);
      clock += 1000;
      const served = store.get(KEY, 'APP_PAGE')!;
      expect(served.lastModified).not.toBe(-1);
      expect(htmlOf(served.value)).toContain('Số 17');
    });

    it('answers the outage page instead of a page a change has made stale, or a missing one', () => {
      request(KEY, () => page('đã gỡ'));
      clock += 10;
      freshness.markChanged(clock);
      freshness.setConnected(false);
      for (const key of [KEY, '/route-cache/APP_PAGE/abc/$/bai-viet/moi']) {
        const answer = store.get(key, 'APP_PAGE')!;
        const value = answer.value as { status: number; html: string; headers: Record<string, string> };
        expect(value.status).toBe(503);
        expect(value.html).toContain('Hệ thống tạm thời gián đoạn');
        expect(value.html).not.toContain('<script');
        expect(value.headers['retry-after']).toBe('30');
      }
      const feed = store.get('/route-cache/APP_ROUTE/abc/$/rss.xml', 'APP_ROUTE')!.value as { kind: string; status: number };
      expect(feed).toMatchObject({ kind: 'APP_ROUTE', status: 503 });
      expect(store.size.entries).toBe(1);
    });
  });
});
