import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosave, OFFLINE_RETRY_MS, type AutosaveListeners, type SaveStatus } from '@/components/editor/autosave';
import type { Outcome } from '@/lib/outcome';
import type { ArticleDraft, ConflictingVersion, SavedArticle } from '@/schemas/article';

const draft = (patch: Partial<ArticleDraft> = {}): ArticleDraft => ({
  title: 'Tiêu đề',
  lead: 'Sapo',
  body: { type: 'doc', content: [] },
  sourceAuthors: '',
  sourceOutlet: '',
  sourceUrl: '',
  tags: [],
  ...patch,
});
const saved = (version: number): SavedArticle => ({
  id: 7,
  slug: 'tieu-de',
  version,
  status: 'DRAFT',
  isLive: false,
  hasPendingRevision: false,
});
const ok = (article: SavedArticle): Outcome<SavedArticle> => ({ ok: true, message: 'Đã lưu.', data: article });

function harness(save: (base: SavedArticle | null, text: ArticleDraft, mode: string) => Promise<Outcome<SavedArticle>>, start = saved(1)) {
  const statuses: SaveStatus[] = [];
  const copies: { articleId: number | null; baseVersion: number; draft: ArticleDraft }[] = [];
  const replaced: ArticleDraft[] = [];
  const conflicts: unknown[] = [];
  const taken: string[] = [];
  const on: AutosaveListeners = {
    taken: (message) => taken.push(message),
    status: (status) => statuses.push(status),
    article: () => undefined,
    conflict: (conflict) => conflicts.push(conflict),
    fieldErrors: () => undefined,
    draft: (text) => replaced.push(text),
  };
  const autosave = new Autosave(draft(), start, { save, copies: { write: (copy) => copies.push(copy), clear: () => undefined } }, on);
  return { autosave, statuses, copies, replaced, conflicts, taken };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosave', () => {
  it('keeps a local copy at once and saves once, after the pause, as an automatic save', async () => {
    const save = vi.fn<(base: SavedArticle | null, text: ArticleDraft, mode: string) => Promise<Outcome<SavedArticle>>>(async () =>
      ok(saved(2)),
    );
    const { autosave, copies, statuses } = harness(save);
    autosave.change(draft({ lead: 'S' }));
    autosave.change(draft({ lead: 'Sa' }));
    expect(copies.at(-1)).toMatchObject({ articleId: 7, baseVersion: 1, draft: { lead: 'Sa' } });
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![1].lead).toBe('Sa');
    expect(save.mock.calls[0]![2]).toBe('auto');
    expect(statuses.at(-1)?.kind).toBe('saved');
    expect(autosave.current?.version).toBe(2);
  });

  it('does not save without a title and says so', async () => {
    const save = vi.fn(async () => ok(saved(2)));
    const { autosave, statuses } = harness(save);
    autosave.change(draft({ title: '  ' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toEqual({ kind: 'needs-title' });
  });

  it('keeps the text and retries when the connection drops', async () => {
    let online = false;
    const save = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return ok(saved(2));
    });
    const { autosave, statuses } = harness(save);
    autosave.change(draft({ lead: 'Mất mạng' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(statuses.at(-1)).toEqual({ kind: 'offline' });
    expect(autosave.hasUnsavedWork).toBe(true);
    online = true;
    await vi.advanceTimersByTimeAsync(OFFLINE_RETRY_MS);
    expect(statuses.at(-1)?.kind).toBe('saved');
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('merges a colleague’s change to another field and saves on top of their version', async () => {
    const theirs: ConflictingVersion = { ...draft({ lead: 'Sapo của đồng nghiệp' }), version: 5, updatedAt: new Date().toISOString() };
    const save = vi
      .fn<(base: SavedArticle | null, text: ArticleDraft, mode: string) => Promise<Outcome<SavedArticle>>>()
      .mockResolvedValueOnce({ ok: false, status: 409, message: 'Xung đột', conflict: theirs })
      .mockImplementation(async (base) => ok(saved((base?.version ?? 0) + 1)));
    const { autosave, replaced, statuses } = harness(save);
    autosave.change(draft({ title: 'Tiêu đề của tôi' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await vi.advanceTimersByTimeAsync(1);
    expect(replaced.at(-1)).toMatchObject({ title: 'Tiêu đề của tôi', lead: 'Sapo của đồng nghiệp' });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0]?.version).toBe(5);
    expect(save.mock.calls[1]![1]).toMatchObject({ title: 'Tiêu đề của tôi', lead: 'Sapo của đồng nghiệp' });
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('waits for a choice when both changed the same field, then saves the chosen values', async () => {
    const theirs: ConflictingVersion = { ...draft({ title: 'Tiêu đề B' }), version: 3, updatedAt: new Date().toISOString() };
    const save = vi
      .fn<(base: SavedArticle | null, text: ArticleDraft, mode: string) => Promise<Outcome<SavedArticle>>>()
      .mockResolvedValueOnce({ ok: false, status: 409, message: 'Xung đột', conflict: theirs })
      .mockImplementation(async (base) => ok(saved((base?.version ?? 0) + 1)));
    const { autosave, conflicts, statuses } = harness(save);
    autosave.change(draft({ title: 'Tiêu đề A' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(statuses.at(-1)).toEqual({ kind: 'conflict' });
    expect(conflicts.at(-1)).toMatchObject({ merge: { contested: ['title'] } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    autosave.resolve({ title: 'theirs' });
    await vi.advanceTimersByTimeAsync(1);
    expect(save.mock.calls[1]![1].title).toBe('Tiêu đề B');
    expect(save.mock.calls[1]![0]?.version).toBe(3);
  });
});

describe('Autosave while someone else edits', () => {
  it('stops sending after a save refused because the article was taken over, keeping the text locally', async () => {
    const save = vi.fn(async (): Promise<Outcome<SavedArticle>> => ({
      ok: false,
      status: 423,
      message: 'Trần Văn Duyệt đã tiếp quản bài viết lúc 10:05.',
    }));
    const { autosave, statuses, copies, taken } = harness(save);
    autosave.change(draft({ lead: 'Câu chưa lưu' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(statuses.at(-1)).toEqual({ kind: 'taken', message: 'Trần Văn Duyệt đã tiếp quản bài viết lúc 10:05.' });
    expect(taken).toEqual(['Trần Văn Duyệt đã tiếp quản bài viết lúc 10:05.']);
    expect(copies.at(-1)?.draft.lead).toBe('Câu chưa lưu');
    expect(autosave.hasUnsavedWork).toBe(true);

    // Nothing more is sent: not on reconnecting, not on another change, not after the retry delay.
    autosave.retry();
    autosave.change(draft({ lead: 'Câu chưa lưu, thêm' }));
    await vi.advanceTimersByTimeAsync(OFFLINE_RETRY_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);

    // Editing again: the next change is saved.
    save.mockImplementation(async () => ok(saved(3)));
    autosave.resume();
    autosave.change(draft({ lead: 'Tiếp tục' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)?.kind).toBe('saved');
  });
});

describe('Autosave restoring a local copy', () => {
  it('merges against the text the copy started from, so a colleague’s newer change to the same field waits for a choice', async () => {
    const original = draft({ lead: 'Sapo gốc' });
    const theirs: ConflictingVersion = { ...draft({ lead: 'Sapo của đồng nghiệp' }), version: 2, updatedAt: new Date().toISOString() };
    const save = vi.fn<(base: SavedArticle | null) => Promise<Outcome<SavedArticle>>>(async () => ({
      ok: false,
      status: 409,
      message: 'Xung đột',
      conflict: theirs,
    }));
    const { autosave, conflicts, copies } = harness(save, saved(2));
    // The editor now shows the colleague's text; the copy was written on version 1.
    autosave.accept(saved(2), draft({ lead: 'Sapo của đồng nghiệp' }));
    autosave.restore(draft({ lead: 'Sapo của tôi' }), 1, original);
    expect(copies.at(-1)).toMatchObject({ baseVersion: 1, base: { lead: 'Sapo gốc' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save.mock.calls[0]![0]?.version).toBe(1);
    const conflict = conflicts.at(-1) as { merge: { contested: string[] } } | null;
    expect(conflict?.merge.contested).toEqual(['lead']);
  });
});
