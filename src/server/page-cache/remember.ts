import 'server-only';
import { getPageCache } from './runtime';

/**
 * A public lookup answered from memory until a public change or a publish time may have
 * altered its answer: the page cache's rule, for a query that routes outside the page cache
 * run on every request (which images are public). With the database unreachable, an answer
 * remembered from before the outage is used, like a stored page. Without a running page cache
 * (scripts, tests) every call asks the database.
 */
export function rememberPublic<V>(load: (id: number) => Promise<V>, limit = 10_000): (id: number) => Promise<V> {
  const remembered = new Map<number, { value: V; at: number }>();
  return async (id) => {
    const freshness = getPageCache()?.freshness;
    if (!freshness) return load(id);
    const entry = remembered.get(id);
    if (entry && (freshness.isConnected ? freshness.isFresh(entry.at) : freshness.isUsableDuringOutage(entry.at))) return entry.value;
    const at = Date.now();
    const value = await load(id);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(id, { value, at });
    return value;
  };
}
