import 'server-only';
import { getEnv, getPublicBaseUrl } from '../env';
import { strictTransportSecurity } from '@/lib/http-headers';
import { ChangeFeed } from './change-feed';
import { Freshness } from './freshness';
import { PageStore } from './page-store';

// The page cache of this app server: started once by src/instrumentation.ts, kept on globalThis
// because Next loads next-cache-handler.mjs, the proxy and the routes as separate bundles that
// share only the process.

export type PageCacheRuntime = { store: PageStore; freshness: Freshness; feed: ChangeFeed };

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
    extraHeaders: hsts ? { 'strict-transport-security': hsts } : {},
  });
  const feed = new ChangeFeed(env.DATABASE_URL, freshness);
  feed.start();
  registry[KEY] = { store, freshness, feed };
  return registry[KEY];
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
