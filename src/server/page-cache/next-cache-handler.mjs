// Next.js's incremental cache handler (next.config.ts `cacheHandler`). Next imports this file
// itself, outside the app's bundles, and makes an instance per request, so it only hands each
// call to the page store that src/instrumentation.ts installs (src/server/page-cache/runtime.ts).
// Without one (during `next build`) nothing is stored or served: every request renders.

const KEY = Symbol.for('bantin.pageCache');

const store = () => globalThis[KEY]?.store;

export default class PageCacheHandler {
  async get(key, context) {
    return store()?.get(key, context?.kind) ?? null;
  }

  async set(key, value, context) {
    store()?.set(key, value, context?.cacheControl);
  }

  // Freshness comes from the database's change feed, not from Next's tags: revalidatePath in
  // editorial actions concerns pages rendered per request, which are never stored here.
  async revalidateTag() {}

  resetRequestCache() {}
}
