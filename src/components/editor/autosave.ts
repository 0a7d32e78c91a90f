import type { Outcome } from '@/lib/outcome';
import type { ArticleDraft, ConflictingVersion, DraftField, SavedArticle } from '@/schemas/article';
import { mergeDrafts, resolveMerge, type Merge } from './merge';

// The save loop of the article form, outside React: every change is copied to this browser at
// once and sent to the server two seconds after typing stops, on top of the version it was
// based on. Saves never overlap; a refused save keeps the text and says why. When someone
// else saved first, the two texts are merged field by field; only fields both changed wait
// for a choice.

export const AUTOSAVE_DELAY_MS = 2000;
export const OFFLINE_RETRY_MS = 10_000;

export type SaveMode = 'auto' | 'manual';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'needs-title' }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict' }
  /** Someone else holds the article (they opened it first or took it over): saving waits. */
  | { kind: 'taken'; message: string };

/** A conflict that needs a person: the newer version and the merge waiting for choices. */
export type PendingConflict = { theirs: ConflictingVersion; merge: Merge };

export type AutosaveListeners = {
  status: (status: SaveStatus) => void;
  article: (article: SavedArticle) => void;
  conflict: (conflict: PendingConflict | null) => void;
  fieldErrors: (errors: Record<string, string>) => void;
  /** The text changed under the editor (a merge took someone else's fields). */
  draft: (draft: ArticleDraft, takenFromTheirs: DraftField[]) => void;
  /** A save was refused because someone else is editing: saving is suspended. */
  taken?: (message: string) => void;
};

export type AutosaveDeps = {
  save: (base: SavedArticle | null, draft: ArticleDraft, mode: SaveMode) => Promise<Outcome<SavedArticle>>;
  /** The copy of unsaved text kept in this browser. */
  copies: {
    write: (copy: { articleId: number | null; baseVersion: number; draft: ArticleDraft; base: ArticleDraft }) => void;
    clear: (articleId: number | null) => void;
  };
  /** A new article got its address. */
  created?: (article: SavedArticle) => void;
};

const toDraft = (version: ConflictingVersion): ArticleDraft => ({
  title: version.title,
  lead: version.lead,
  body: version.body,
  sourceAuthors: version.sourceAuthors,
  sourceOutlet: version.sourceOutlet,
  sourceUrl: version.sourceUrl,
  tags: version.tags,
});

export class Autosave {
  private dirty = false;
  private conflict: PendingConflict | null = null;
  private inFlight: Promise<boolean> | null = null;
  /** While someone else edits, nothing is sent; the text stays here and in the local copy. */
  private suspended = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The server's text this draft was last based on: what a merge compares against. */
  private base: ArticleDraft;

  constructor(
    private draft: ArticleDraft,
    private article: SavedArticle | null,
    private readonly deps: AutosaveDeps,
    private readonly on: AutosaveListeners,
  ) {
    this.base = draft;
  }

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
    this.deps.copies.write({ articleId: this.article?.id ?? null, baseVersion: this.article?.version ?? 0, draft, base: this.base });
    if (!this.conflict) this.on.status({ kind: 'pending' });
    this.schedule(AUTOSAVE_DELAY_MS, 'auto');
  }

  /** Saves now (after any save on its way); true when the server holds the current text. */
  saveNow(mode: SaveMode = 'manual'): Promise<boolean> {
    clearTimeout(this.timer);
    const previous = this.inFlight;
    const run = (async () => {
      if (previous) await previous;
      if (!this.dirty && this.article) return true;
      return this.saveOnce(mode);
    })();
    this.inFlight = run;
    void run.finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
    return run;
  }

  /** Retry after the connection is back. */
  retry() {
    if (this.dirty && !this.suspended) void this.saveNow('auto');
  }

  /** Someone else edits now: stop sending (the local copy keeps the text). */
  suspend() {
    clearTimeout(this.timer);
    this.suspended = true;
  }

  /** This tab may edit again. */
  resume() {
    this.suspended = false;
  }

  /** The person chose, for each contested field, whose value stays; the result is saved on top of theirs. */
  resolve(choices: Partial<Record<DraftField, 'mine' | 'theirs'>>) {
    const conflict = this.conflict;
    if (!conflict || !this.article) return;
    this.rebase(conflict.theirs, resolveMerge(conflict.merge, toDraft(conflict.theirs), choices), []);
    void this.saveNow('manual');
  }

  /**
   * "Dùng bản mới nhất", or a workflow step: the server's state replaces ours. `keepCopies`
   * when the local copy is still to be offered back (after someone else's editing).
   */
  accept(article: SavedArticle, draft?: ArticleDraft, { keepCopies = false } = {}) {
    this.article = article;
    this.on.article(article);
    if (!draft) return;
    this.draft = draft;
    this.base = draft;
    this.dirty = false;
    this.setConflict(null);
    if (!keepCopies) this.deps.copies.clear(article.id);
    this.on.status({ kind: 'saved', at: new Date() });
  }

  /**
   * A local copy written against `baseVersion` comes back: it is saved against that version,
   * and a newer version met on the way is merged against the text the copy started from.
   */
  restore(draft: ArticleDraft, baseVersion: number, base?: ArticleDraft) {
    if (this.article && baseVersion > 0) this.article = { ...this.article, version: baseVersion };
    if (base) this.base = base;
    this.change(draft);
  }

  /** A newer version met on the way: merged at once when no field needs a choice. */
  showConflict(theirs: ConflictingVersion) {
    this.dirty = true;
    const merge = mergeDrafts(this.base, this.draft, toDraft(theirs));
    if (merge.contested.length === 0 && this.article) {
      this.rebase(theirs, merge.merged, merge.takenFromTheirs);
      this.schedule(0, 'manual');
      return;
    }
    this.setConflict({ theirs, merge });
    this.on.status({ kind: 'conflict' });
  }

  dispose() {
    clearTimeout(this.timer);
  }

  private rebase(theirs: ConflictingVersion, merged: ArticleDraft, takenFromTheirs: DraftField[]) {
    this.article = { ...this.article!, version: theirs.version };
    this.base = toDraft(theirs);
    this.draft = merged;
    this.dirty = true;
    this.setConflict(null);
    this.on.draft(merged, takenFromTheirs);
    this.deps.copies.write({ articleId: this.article.id, baseVersion: theirs.version, draft: merged, base: this.base });
  }

  private setConflict(conflict: PendingConflict | null) {
    this.conflict = conflict;
    this.on.conflict(conflict);
  }

  private schedule(delay: number, mode: SaveMode) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(mode), delay);
  }

  private async saveOnce(mode: SaveMode): Promise<boolean> {
    if (this.conflict || this.suspended) return false;
    const snapshot = this.draft;
    if (!snapshot.title.trim()) {
      this.on.status({ kind: 'needs-title' });
      return false;
    }
    const base = this.article;
    this.dirty = false;
    this.on.status({ kind: 'saving' });
    let result: Outcome<SavedArticle>;
    try {
      result = await this.deps.save(base, snapshot, mode);
    } catch {
      this.dirty = true;
      this.on.status({ kind: 'offline' });
      this.schedule(OFFLINE_RETRY_MS, 'auto');
      return false;
    }
    if (!result.ok) {
      this.dirty = true;
      if (result.status === 409 && result.conflict) this.showConflict(result.conflict as ConflictingVersion);
      else if (result.status === 423) {
        this.suspend();
        this.on.status({ kind: 'taken', message: result.message });
        this.on.taken?.(result.message);
      } else {
        this.on.fieldErrors(result.fieldErrors ?? {});
        this.on.status({ kind: 'refused', message: result.message });
      }
      return false;
    }
    this.article = result.data;
    this.base = snapshot;
    this.on.article(result.data);
    this.on.fieldErrors({});
    this.deps.copies.clear(base?.id ?? null);
    if (!base) this.deps.created?.(result.data);
    if (this.dirty) {
      // Typed while the save was on its way: keep that copy against the new version.
      this.deps.copies.write({ articleId: result.data.id, baseVersion: result.data.version, draft: this.draft, base: snapshot });
      this.on.status({ kind: 'pending' });
      return false;
    }
    this.on.status({ kind: 'saved', at: new Date() });
    return true;
  }
}
