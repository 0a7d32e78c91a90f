import 'server-only';
import pg from 'pg';
import type { Freshness } from './freshness';

// Listens for the NOTIFY that the database sends when a change the public may see commits
// (triggers in prisma/migrations/*_public_change_notify), on a connection of its own, and keeps
// `freshness` up to date: every app server on the database hears every change within
// milliseconds. It also reads the publish times still ahead, so pages go stale at those times
// with no write and no request. While it cannot listen, the database counts as unreachable;
// it reconnects by itself, and on reconnecting treats everything as changed (it may have
// missed notifications meanwhile).

export const CHANNEL = 'bantin_public_change';

export type ChangeFeedOptions = {
  /** Wait between connection attempts. */
  retryMs?: number;
  /** A `SELECT 1` this often notices a database that stopped answering without closing. */
  heartbeatMs?: number;
  log?: (message: string) => void;
};

const PUBLISH_TIMES_SQL = `
  SELECT "publishAt" AS at FROM "Issue" WHERE status IN ('SCHEDULED', 'PUBLISHED') AND "publishAt" > $1
  UNION
  SELECT "publishAt" FROM "Article" WHERE status = 'PUBLISHED' AND "publishAt" > $1
  ORDER BY 1 LIMIT 1000`;

export class ChangeFeed {
  /** The connection being opened or in use; a client that is not this one is ignored. */
  private client: pg.Client | null = null;
  private stopped = false;
  private isDownAnnounced = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private waiters: (() => void)[] = [];
  private readonly retryMs: number;
  private readonly heartbeatMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly connectionString: string,
    private readonly freshness: Freshness,
    options: ChangeFeedOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 1000;
    this.heartbeatMs = options.heartbeatMs ?? 5000;
    this.log = options.log ?? ((message) => console.warn(`Bộ nhớ đệm trang: ${message}`));
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = null;
    this.freshness.setConnected(false);
    await client?.end().catch(() => undefined);
    await this.refreshing;
  }

  /** Resolves once the next change (or reconnection) has been applied; for tests and tools. */
  nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, application_name: 'bantin-page-cache' });
    this.client = client;
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.client !== client) return;
    client.on('notification', () => this.changed());
    if (this.isDownAnnounced) this.log('đã kết nối lại cơ sở dữ liệu.');
    this.isDownAnnounced = false;
    // Anything may have changed while nobody listened: pages rendered before now are not trusted.
    this.changed();
    this.freshness.setConnected(true);
    this.heartbeatTimer = setInterval(() => void this.heartbeat(client), this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.heartbeatTimer);
    this.freshness.setConnected(false);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (!this.isDownAnnounced) this.log(`không kết nối được cơ sở dữ liệu; trang đã lưu vẫn được phục vụ, thử lại mỗi ${this.retryMs} ms.`);
    this.isDownAnnounced = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
  }

  private async heartbeat(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 2 * this.heartbeatMs);
        }),
      ]);
    } catch {
      this.lost(client);
    } finally {
      clearTimeout(timer);
    }
  }

  private changed(): void {
    this.freshness.markChanged();
    void this.refreshPublishTimes();
  }

  /** One read at a time; a change arriving meanwhile asks for one more. */
  private refreshPublishTimes(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const client = this.client;
        if (!client) break;
        try {
          // Times a little in the past are harmless and cover clocks a little apart.
          const since = new Date(Date.now() - 60_000);
          const { rows } = await client.query<{ at: Date }>(PUBLISH_TIMES_SQL, [since]);
          this.freshness.setPublishTimes(rows.map((row) => row.at.getTime()));
        } catch {
          // The heartbeat or the connection's error event takes it from here.
        }
      } while (this.refreshAgain);
      this.refreshing = null;
      for (const resolve of this.waiters.splice(0)) resolve();
    })();
    return this.refreshing;
  }
}
