import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv, getPublicBaseUrl } from '../env';
import { strictTransportSecurity } from '@/lib/http-headers';
import { ChangeFeed } from './change-feed';
import { Freshness } from './freshness';
import { PageStore } from './page-store';
import { storedAnswer, type StoredAnswer, type StoredRequest } from './stored-answer';

// The page cache of this app server: started once by src/instrumentation.ts, kept on globalThis
// because Next loads next-cache-handler.mjs, the proxy and the routes as separate bundles that
// share only the process.

export type PageCacheRuntime = {
  store: PageStore;
  freshness: Freshness;
  feed: ChangeFeed;
  /** A stored page's complete answer, for src/proxy.ts and scripts/server.mjs (plain JavaScript, same process). */
  answer: (request: StoredRequest) => StoredAnswer | null;
};

const KEY = Symbol.for('bantin.pageCache');
const registry = globalThis as unknown as Record<typeof KEY, PageCacheRuntime | undefined>;

export function startPageCache(): PageCacheRuntime {
  const existing = registry[KEY];
  if (existing) return existing;
  const env = getEnv();
  const freshness = new Freshness();
  const hsts = strictTransportSecurity(getPublicBaseUrl());
  const store = new PageStore(freshness, {
    maxBytes: env.PAGE_CACHE_MAX_MB * 1024 * 1024,
    notFoundHtml: builtNotFoundPage(),
    extraHeaders: hsts ? { 'strict-transport-security': hsts } : {},
  });
  const feed = new ChangeFeed(env.DATABASE_URL, freshness);
  feed.start();
  registry[KEY] = { store, freshness, feed, answer: (request) => storedAnswer(store, request) };
  return registry[KEY];
}

// Next prerenders app/not-found.tsx at build time (no database) into this file.
const BUILT_NOT_FOUND = path.join('.next', 'server', 'app', '_not-found.html');

function builtNotFoundPage(): string | undefined {
  const file = path.resolve(BUILT_NOT_FOUND);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  console.warn(`Bộ nhớ đệm trang: không thấy ${BUILT_NOT_FOUND}; trang 404 của các bài, số và chủ đề sẽ trống khi tắt JavaScript.`);
  return undefined;
}

export function getPageCache(): PageCacheRuntime | undefined {
  return registry[KEY];
}

/**
 * False while the change feed cannot reach the database. Without a running page cache
 * (scripts, tests) nothing is known, and the database is taken to answer.
 */
export function isDatabaseReachable(): boolean {
  return registry[KEY]?.freshness.isConnected ?? true;
}
