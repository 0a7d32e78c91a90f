'use client';

import type { JSONContent } from '@tiptap/react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';
import {
  abilityKey,
  DRAFT_FIELD_LABELS,
  type ArticleDraft,
  type ArticleEditorActions,
  type DraftField,
  type EditorAbilities,
  type SavedArticle,
  type WorkflowStep,
} from '@/schemas/article';
import { Autosave, type PendingConflict, type SaveStatus } from './autosave';
import { useBodyEditor } from './body-editor';
import { clearLocalCopies, readLocalCopy, writeLocalCopy, type LocalCopy } from './local-copy';
import { useEditingLease } from './use-editing-lease';
import type { Presence } from '@/schemas/presence';

// The article form's state: the text, what the server holds, the save loop and the workflow
// steps. Components only render it.

export type Notice = { ok: boolean; text: string };

export type EditorStart = {
  article: SavedArticle | null;
  draft: ArticleDraft;
  live: ArticleDraft | null;
  /** Who holds the article as the page was rendered (null for a new article). */
  presence?: Presence | null;
};

const subscribeNothing = () => () => {};

/** Why the status changed under a save, said in words (the badge alone is easy to miss). */
function statusChangeNotice(before: SavedArticle | null, after: SavedArticle): Notice | null {
  if (before?.status === 'APPROVED' && after.status === 'SUBMITTED') {
    return { ok: true, text: 'Nội dung đã thay đổi sau khi duyệt nên bài chuyển về “Chờ duyệt” và cần được duyệt lại.' };
  }
  return null;
}

export function useArticleEditor({
  initial,
  actions,
  abilitiesByState,
}: {
  initial: EditorStart;
  actions: ArticleEditorActions;
  abilitiesByState: Record<string, EditorAbilities>;
}) {
  const [draft, setDraft] = useState(initial.draft);
  const [live, setLive] = useState(initial.live);
  const [article, setArticle] = useState(initial.article);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<WorkflowStep | null>(null);
  const [touched, setTouched] = useState(false);
  const [offerDismissed, setOfferDismissed] = useState(false);
  /** Unsaved text kept while someone else edits, and offered back once this tab edits again. */
  const [keptCopy, setKeptCopy] = useState<LocalCopy | null>(null);
  const [returnedCopy, setReturnedCopy] = useState<LocalCopy | null>(null);
  const onTaken = useRef(() => {});

  const abilities = abilitiesByState[abilityKey(article?.status ?? 'DRAFT', article?.hasPendingRevision ?? false)]!;

  const [autosave] = useState(
    () =>
      new Autosave(
        initial.draft,
        initial.article,
        {
          save: (base, text, mode) =>
            base ? actions.save(base.id, { ...text, expectedVersion: base.version, mode }) : actions.create(text),
          copies: { write: writeLocalCopy, clear: clearLocalCopies },
          created: (saved) => window.history.replaceState(null, '', `/quan-tri/bai-viet/${saved.id}`),
        },
        {
          status: setStatus,
          article: (saved) => {
            setArticle((before) => {
              const change = statusChangeNotice(before, saved);
              if (change) setNotice(change);
              return saved;
            });
          },
          conflict: setConflict,
          fieldErrors: setFieldErrors,
          draft: (merged, takenFromTheirs) => {
            replaceText(merged);
            if (takenFromTheirs.length) setNotice({ ok: true, text: mergedNotice(takenFromTheirs) });
          },
          taken: () => onTaken.current(),
        },
      ),
  );

  const lease = useEditingLease({
    articleId: article?.id ?? null,
    initial: initial.presence ?? null,
    canEdit: abilities.edit,
    onLost: () => {
      autosave.suspend();
      setKeptCopy(autosave.hasUnsavedWork ? readLocalCopy(autosave.current?.id ?? null) : null);
    },
    onFreed: async () => {
      // Someone else may have saved meanwhile: continue from the newest text, then offer this
      // tab's unsaved text back (restoring it merges the two).
      const copy = readLocalCopy(autosave.current?.id ?? null);
      await takeLatest({ keepCopies: true });
      autosave.resume();
      setKeptCopy(null);
      setReturnedCopy(copy);
    },
  });
  useEffect(() => {
    onTaken.current = lease.refresh;
  });
  const editable = abilities.edit && lease.canType;

  const editor = useBodyEditor({
    content: initial.draft.body as JSONContent,
    editable,
    onChange: (body: JSONContent) => update({ body }),
  });

  // The newest copy kept in this browser, read once the page runs (null in the server HTML).
  const storedCopy = useSyncExternalStore(
    subscribeNothing,
    () => JSON.stringify(readLocalCopy(initial.article?.id ?? null)),
    () => 'null',
  );
  const localCopy = touched || offerDismissed ? null : (JSON.parse(storedCopy) as LocalCopy | null);
  const firstOffer = localCopy && JSON.stringify(localCopy.draft) !== JSON.stringify(initial.draft) ? localCopy : null;
  const candidate = returnedCopy ?? firstOffer;
  // Only offered to someone who can restore it now.
  const offer = editable && candidate && JSON.stringify(candidate.draft) !== JSON.stringify(draft) ? candidate : null;

  // The save loop's listeners outlive renders: they reach the editor through this ref.
  const editorRef = useRef<Editor | null>(null);
  useEffect(() => {
    editorRef.current = editor;
    editor?.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    const retry = () => autosave.retry();
    const warn = (event: BeforeUnloadEvent) => {
      if (autosave.hasUnsavedWork) event.preventDefault();
    };
    window.addEventListener('online', retry);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('online', retry);
      window.removeEventListener('beforeunload', warn);
      autosave.dispose();
    };
  }, [autosave]);

  function update(patch: Partial<ArticleDraft>) {
    setTouched(true);
    lease.touch();
    setDraft((previous) => {
      const next = { ...previous, ...patch };
      autosave.change(next);
      return next;
    });
  }

  function replaceText(next: ArticleDraft) {
    setDraft(next);
    editorRef.current?.commands.setContent(next.body as JSONContent, { emitUpdate: false });
  }

  const restoreLocalCopy = (copy: LocalCopy) => {
    setOfferDismissed(true);
    setReturnedCopy(null);
    lease.touch();
    // Based on an older version, the save meets the newer one and the two are merged.
    replaceText(copy.draft);
    autosave.restore(copy.draft, copy.baseVersion, copy.base);
  };

  const dismissLocalCopy = () => {
    clearLocalCopies(autosave.current?.id ?? initial.article?.id ?? null);
    setOfferDismissed(true);
    setReturnedCopy(null);
  };

  async function takeLatest({ keepCopies = false } = {}) {
    const current = autosave.current;
    if (!current) return;
    try {
      const result = await actions.load(current.id);
      if (!result.ok) return setNotice({ ok: false, text: result.message });
      replaceText(result.data.draft);
      setLive(result.data.live);
      autosave.accept(result.data.article, result.data.draft, { keepCopies });
    } catch {
      setStatus({ kind: 'offline' });
    }
  }

  const runStep = async (step: WorkflowStep, extra: Record<string, string> = {}): Promise<boolean> => {
    setNotice(null);
    setBusy(step);
    try {
      const current = (await autosave.saveNow('manual')) ? autosave.current : null;
      if (!current) {
        setNotice({ ok: false, text: 'Chưa thực hiện được: hãy lưu bài viết trước (xem dòng trạng thái lưu).' });
        return false;
      }
      const result = await actions.step(current.id, step, { expectedVersion: current.version, ...extra });
      if (!result.ok) {
        if (result.status === 409 && result.conflict) autosave.showConflict(result.conflict as never);
        else setNotice({ ok: false, text: result.message });
        return false;
      }
      if (step === 'publishRevision') setLive(draft);
      if (step === 'discardRevision' && live) replaceText(live);
      autosave.accept(result.data, step === 'discardRevision' && live ? live : undefined);
      setNotice({ ok: true, text: result.message });
      return true;
    } catch {
      setNotice({ ok: false, text: 'Không thực hiện được: mất kết nối. Hãy thử lại.' });
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    draft,
    live,
    article,
    abilities,
    editable,
    lease,
    keptCopy,
    status,
    fieldErrors,
    conflict,
    notice,
    busy,
    offer,
    editor,
    update,
    saveNow: () => void autosave.saveNow('manual'),
    resolveConflict: (choices: Partial<Record<DraftField, 'mine' | 'theirs'>>) => autosave.resolve(choices),
    takeLatest: () => takeLatest(),
    runStep,
    restoreLocalCopy,
    dismissLocalCopy,
  };
}

export function mergedNotice(fields: DraftField[]): string {
  return `Đồng nghiệp vừa lưu bài này; phần ${fields.map((field) => `“${DRAFT_FIELD_LABELS[field]}”`).join(', ')} của họ đã được gộp vào bản của bạn.`;
}

export type ArticleEditorState = ReturnType<typeof useArticleEditor>;
