import { createArticleAction, saveArticleAction } from '@/app/quan-tri/bai-viet/actions';
import { clearLocalCopies, writeLocalCopy } from './local-copy';
import type { ArticleDraft, ConflictingVersion, SavedArticle } from './types';

// The save loop of the article form, outside React: every change is copied to this browser at
// once and sent to the server two seconds after typing stops, on top of the version it was
// based on. Saves never overlap; a refused save keeps the text and says why.

export const AUTOSAVE_DELAY_MS = 2000;
const OFFLINE_RETRY_MS = 10_000;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'needs-title' }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict' };

type Listeners = {
  status: (status: SaveStatus) => void;
  article: (article: SavedArticle) => void;
  conflict: (conflict: ConflictingVersion | null) => void;
  fieldErrors: (errors: Record<string, string>) => void;
};

export class Autosave {
  private dirty = false;
  private conflict: ConflictingVersion | null = null;
  private inFlight: Promise<boolean> | null = null;
  private timer: number | undefined;

  constructor(
    private draft: ArticleDraft,
    private article: SavedArticle | null,
    private readonly on: Listeners,
  ) {}

  get hasUnsavedWork(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  get current(): SavedArticle | null {
    return this.article;
  }

  /** A change in the form: copied locally now, saved after the pause. */
  change(draft: ArticleDraft) {
    this.draft = draft;
    this.dirty = true;
    writeLocalCopy({ articleId: this.article?.id ?? null, baseVersion: this.article?.version ?? 0, draft });
    if (!this.conflict) this.on.status({ kind: 'pending' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves now (after any save on its way); true when the server holds the current text. */
  saveNow(): Promise<boolean> {
    window.clearTimeout(this.timer);
    const previous = this.inFlight;
    const run = (async () => {
      if (previous) await previous;
      if (!this.dirty && this.article) return true;
      return this.saveOnce();
    })();
    this.inFlight = run;
    void run.finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    return run;
  }

  /** Retry after the connection is back. */
  retry() {
    if (this.dirty) void this.saveNow();
  }

  /** "Giữ bản của tôi": the next save goes on top of the newer version. */
  keepMine() {
    if (!this.conflict || !this.article) return;
    this.article = { ...this.article, version: this.conflict.version };
    this.setConflict(null);
    this.dirty = true;
    void this.saveNow();
  }

  /** "Dùng bản mới nhất", or a workflow step: the server's state replaces ours. */
  accept(article: SavedArticle, draft?: ArticleDraft) {
    this.article = article;
    this.on.article(article);
    if (!draft) return;
    this.draft = draft;
    this.dirty = false;
    this.setConflict(null);
    clearLocalCopies(article.id);
    this.on.status({ kind: 'saved', at: new Date() });
  }

  /** A local copy written against `baseVersion` comes back: it is saved against that version. */
  restore(draft: ArticleDraft, baseVersion: number) {
    if (this.article && baseVersion > 0) this.article = { ...this.article, version: baseVersion };
    this.change(draft);
  }

  showConflict(conflict: ConflictingVersion) {
    this.dirty = true;
    this.setConflict(conflict);
    this.on.status({ kind: 'conflict' });
  }

  dispose() {
    window.clearTimeout(this.timer);
  }

  private setConflict(conflict: ConflictingVersion | null) {
    this.conflict = conflict;
    this.on.conflict(conflict);
  }

  private schedule(delay: number) {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.saveNow(), delay);
  }

  private async saveOnce(): Promise<boolean> {
    if (this.conflict) return false;
    const snapshot = this.draft;
    if (!snapshot.title.trim()) {
      this.on.status({ kind: 'needs-title' });
      return false;
    }
    const base = this.article;
    this.dirty = false;
    this.on.status({ kind: 'saving' });
    let result: Awaited<ReturnType<typeof saveArticleAction>>;
    try {
      result = base
        ? await saveArticleAction(base.id, { ...snapshot, expectedVersion: base.version })
        : await createArticleAction(snapshot);
    } catch {
      this.dirty = true;
      this.on.status({ kind: 'offline' });
      this.schedule(OFFLINE_RETRY_MS);
      return false;
    }
    if (!result.ok) {
      this.dirty = true;
      if (result.kind === 'conflict') {
        this.showConflict(result.current);
      } else {
        this.on.fieldErrors(result.fieldErrors ?? {});
        this.on.status({ kind: 'refused', message: result.message });
      }
      return false;
    }
    this.article = result.article;
    this.on.article(result.article);
    this.on.fieldErrors({});
    clearLocalCopies(base?.id ?? null);
    if (!base) window.history.replaceState(null, '', `/quan-tri/bai-viet/${result.article.id}`);
    if (this.dirty) {
      // Typed while the save was on its way: keep that copy against the new version.
      writeLocalCopy({ articleId: result.article.id, baseVersion: result.article.version, draft: this.draft });
      this.on.status({ kind: 'pending' });
      return false;
    }
    this.on.status({ kind: 'saved', at: new Date() });
    return true;
  }
}
