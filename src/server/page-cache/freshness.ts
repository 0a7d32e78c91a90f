import 'server-only';

/**
 * Decides whether something rendered at a given moment still shows what the public may see.
 * It goes stale when a public change is committed after it was rendered (heard through the
 * database's change feed) or when a stored publish time passes after it was rendered (a
 * scheduled issue becomes public by its time alone, with no write and no request). Times are
 * this process's clock in milliseconds, the same clock the public queries use for "now".
 */
export class Freshness {
  /** The last committed change heard of, or when the feed (re)connected and may have missed some. */
  private changedAt: number;
  /** Publish times still ahead, ascending. */
  private upcoming: number[] = [];
  /** The latest publish time that has passed. */
  private lastDue = Number.NEGATIVE_INFINITY;
  private connected = false;

  /** Nothing rendered before this object existed is trusted. */
  constructor(now = Date.now()) {
    this.changedAt = now;
  }

  markChanged(at = Date.now()): void {
    this.changedAt = Math.max(this.changedAt, at);
  }

  /** The publish times ahead, as last read from the database (past ones are harmless). */
  setPublishTimes(times: readonly number[]): void {
    this.upcoming = [...new Set(times)].sort((a, b) => a - b);
  }

  setConnected(connected: boolean): void {
    this.connected = connected;
  }

  /** True while the change feed listens: the database answers and every change reaches us. */
  get isConnected(): boolean {
    return this.connected;
  }

  private advance(now: number): number {
    while (this.upcoming.length > 0 && this.upcoming[0]! <= now) this.lastDue = this.upcoming.shift()!;
    return this.lastDue;
  }

  /**
   * Rendered after the last change and after every publish time passed since. A render looked
   * up in the very millisecond a change was heard counts as before it (it may have read first).
   */
  isFresh(renderedAt: number, now = Date.now()): boolean {
    return renderedAt > this.changedAt && renderedAt >= this.advance(now);
  }

  /**
   * With the database unreachable nothing can be committed, so only a change heard before the
   * outage disqualifies: a page rendered before a publish time that passed during the outage
   * misses the new issue but shows nothing unpublished, and beats an error page.
   */
  isUsableDuringOutage(renderedAt: number): boolean {
    return renderedAt > this.changedAt;
  }
}
