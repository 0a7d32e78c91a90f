'use client';

import type { JSONContent } from '@tiptap/react';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { loadArticleAction, workflowAction } from '@/app/quan-tri/bai-viet/actions';
import { documentText, type RichDocument } from '@/content/schema';
import { formatDateTime } from '@/lib/dates';
import { formatSourceLine } from '@/lib/text';
import { BodyEditor, useBodyEditor } from './body-editor';
import { TagInput } from './tag-input';
import { Autosave, type SaveStatus } from './autosave';
import { clearLocalCopies, readLocalCopy, type LocalCopy } from './local-copy';
import type { ArticleDraft, ArticleStatusCode, ConflictingVersion, EditorAbilities, SavedArticle, WorkflowStep } from './types';

// The article form. It never loses text: every change is kept in this browser at once and
// saved to the server about two seconds after typing stops, on top of the version it started
// from. A save refused because someone else saved first shows both texts side by side.

const timeOf = (date: Date) => formatDateTime(date).slice(-5);

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Chưa có thay đổi.';
    case 'pending':
      return 'Có thay đổi chưa lưu…';
    case 'saving':
      return 'Đang lưu…';
    case 'saved':
      return `Đã lưu lúc ${timeOf(status.at)}`;
    case 'offline':
      return 'Chưa lưu — mất kết nối. Nội dung vẫn được giữ trên máy này và sẽ được lưu khi có mạng.';
    case 'needs-title':
      return 'Chưa lưu — cần nhập Tiêu đề.';
    case 'refused':
      return `Chưa lưu — ${status.message}`;
    case 'conflict':
      return 'Chưa lưu — đã có phiên bản mới hơn.';
  }
}

const STEP_DONE: Record<WorkflowStep, string> = {
  submit: 'Đã gửi duyệt.',
  approve: 'Đã duyệt bài viết.',
  return: 'Đã trả lại bài viết cho tác giả.',
  publish: 'Đã xuất bản bài viết.',
};

const SOURCE_FIELDS = [
  { name: 'sourceAuthors', label: 'Tác giả nguồn', type: 'text', maxLength: 300 },
  { name: 'sourceOutlet', label: 'Tên nguồn', type: 'text', maxLength: 300 },
  { name: 'sourceUrl', label: 'Đường dẫn nguồn', type: 'url', maxLength: 500 },
] as const;

const subscribeNothing = () => () => {};

function TextVersion({ title, lead, body }: { title: string; lead: string | null; body: unknown }) {
  return (
    <>
      <p className="conflict__title">{title}</p>
      {lead && <p className="conflict__lead">{lead}</p>}
      <div className="conflict__body">{documentText(body as RichDocument)}</div>
    </>
  );
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-goi-y`} className="admin-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-loi`} className="admin-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: boolean) =>
  [hint ? `${id}-goi-y` : null, error ? `${id}-loi` : null].filter(Boolean).join(' ') || undefined;

export type ArticleEditorProps = {
  initial: { article: SavedArticle | null; draft: ArticleDraft };
  abilitiesByStatus: Record<ArticleStatusCode, EditorAbilities>;
  statusLabels: Record<ArticleStatusCode, string>;
  knownTags: string[];
  returnComment: string | null;
  /** Published once: the address no longer follows the title. */
  slugFixed: boolean;
};

export function ArticleEditor({ initial, abilitiesByStatus, statusLabels, knownTags, returnComment, slugFixed }: ArticleEditorProps) {
  const formId = useId();
  const [draft, setDraft] = useState(initial.draft);
  const [article, setArticle] = useState(initial.article);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictingVersion | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<WorkflowStep | null>(null);
  const [returning, setReturning] = useState(false);
  const [returnText, setReturnText] = useState('');
  const [touched, setTouched] = useState(false);
  const [offerDismissed, setOfferDismissed] = useState(false);

  const [autosave] = useState(
    () =>
      new Autosave(initial.draft, initial.article, {
        status: setStatus,
        article: setArticle,
        conflict: setConflict,
        fieldErrors: setFieldErrors,
      }),
  );
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  const abilities = abilitiesByStatus[article?.status ?? 'DRAFT'];
  const editable = abilities.edit;

  // The newest copy kept in this browser, read once the page runs (null in the server HTML).
  const storedCopy = useSyncExternalStore(
    subscribeNothing,
    () => JSON.stringify(readLocalCopy(initial.article?.id ?? null)),
    () => 'null',
  );
  const localCopy = touched || offerDismissed ? null : (JSON.parse(storedCopy) as LocalCopy | null);
  const offer = localCopy && JSON.stringify(localCopy.draft) !== JSON.stringify(initial.draft) ? localCopy : null;

  const update = (patch: Partial<ArticleDraft>) => {
    setTouched(true);
    setDraft((previous) => {
      const next = { ...previous, ...patch };
      autosave.change(next);
      return next;
    });
  };

  const editor = useBodyEditor({
    content: initial.draft.body,
    editable,
    onChange: (value: JSONContent) => update({ body: value }),
  });

  useEffect(() => {
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

  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const replaceText = (next: ArticleDraft) => {
    setDraft(next);
    editor?.commands.setContent(next.body, { emitUpdate: false });
  };

  const restoreLocalCopy = (copy: LocalCopy) => {
    setOfferDismissed(true);
    // Based on an older version, the save meets the newer one and both texts are shown.
    replaceText(copy.draft);
    autosave.restore(copy.draft, copy.baseVersion);
  };

  const takeLatest = async () => {
    const current = autosave.current;
    if (!current) return;
    let result: Awaited<ReturnType<typeof loadArticleAction>>;
    try {
      result = await loadArticleAction(current.id);
    } catch {
      setStatus({ kind: 'offline' });
      return;
    }
    if (!result.ok) {
      setNotice({ ok: false, text: result.message });
      return;
    }
    replaceText(result.draft);
    autosave.accept(result.article, result.draft);
  };

  const runStep = async (step: WorkflowStep, extra: Record<string, string> = {}) => {
    setNotice(null);
    setBusy(step);
    try {
      const current = (await autosave.saveNow()) ? autosave.current : null;
      if (!current) {
        setNotice({ ok: false, text: 'Chưa thực hiện được: hãy lưu bài viết trước (xem dòng trạng thái lưu).' });
        return;
      }
      const result = await workflowAction(current.id, step, { expectedVersion: current.version, ...extra });
      if (result.ok) {
        autosave.accept(result.article);
        setReturning(false);
        setReturnText('');
        setNotice({ ok: true, text: STEP_DONE[step] });
      } else if (result.kind === 'conflict') {
        autosave.showConflict(result.current);
      } else {
        setNotice({ ok: false, text: result.message });
      }
    } catch {
      setNotice({ ok: false, text: 'Không thực hiện được: mất kết nối. Hãy thử lại.' });
    } finally {
      setBusy(null);
    }
  };

  const ids = {
    title: `${formId}-tieu-de`,
    lead: `${formId}-sapo`,
    sourceAuthors: `${formId}-tac-gia`,
    sourceOutlet: `${formId}-ten-nguon`,
    sourceUrl: `${formId}-duong-dan`,
  };
  const sourceLine = formatSourceLine({
    authors: draft.sourceAuthors || null,
    outlet: draft.sourceOutlet || null,
    url: draft.sourceUrl || null,
  });
  const currentStatus = article?.status ?? 'DRAFT';

  return (
    <div className="article-editor">
      <div className="article-editor__meta">
        <p>
          Trạng thái: <strong className={`status status--${currentStatus.toLowerCase()}`}>{statusLabels[currentStatus]}</strong>
          {article && <span> · Phiên bản {article.version}</span>}
        </p>
        <p className="article-editor__save-status" role="status" aria-live="polite">
          {statusText(status)}
        </p>
      </div>

      {returnComment && currentStatus === 'DRAFT' && (
        <section className="editor-notice editor-notice--returned" aria-labelledby={`${formId}-tra-lai`}>
          <h2 id={`${formId}-tra-lai`}>Bài viết bị trả lại</h2>
          <p>{returnComment}</p>
        </section>
      )}

      {offer && (
        <section className="editor-notice" aria-labelledby={`${formId}-ban-nhap`}>
          <h2 id={`${formId}-ban-nhap`}>Có nội dung chưa lưu trên máy này</h2>
          <p>
            Lúc {formatDateTime(new Date(offer.savedAt))}
            {offer.baseVersion > 0 ? `, soạn trên phiên bản ${offer.baseVersion}` : ''}: “{offer.draft.title || 'chưa có tiêu đề'}”.
          </p>
          <div className="editor-actions">
            <button type="button" className="admin-button admin-button--primary" onClick={() => restoreLocalCopy(offer)}>
              Khôi phục nội dung chưa lưu
            </button>
            <button
              type="button"
              className="admin-button admin-button--quiet"
              onClick={() => {
                clearLocalCopies(initial.article?.id ?? null);
                setOfferDismissed(true);
              }}
            >
              Bỏ nội dung này
            </button>
          </div>
        </section>
      )}

      {conflict && (
        <section className="conflict" aria-labelledby={`${formId}-xung-dot`}>
          <h2 id={`${formId}-xung-dot`} ref={conflictHeading} tabIndex={-1}>
            Bài viết vừa được người khác lưu
          </h2>
          <p>
            Bản của bạn chưa được lưu và vẫn còn nguyên trong trình soạn thảo. Hãy so sánh hai bản rồi chọn: giữ bản của bạn (lưu đè lên
            phiên bản {conflict.version}) hoặc dùng bản mới nhất (bỏ thay đổi của bạn).
          </p>
          <div className="conflict__columns">
            <article aria-labelledby={`${formId}-ban-cua-toi`}>
              <h3 id={`${formId}-ban-cua-toi`}>Bản của bạn (chưa lưu)</h3>
              <TextVersion title={draft.title} lead={draft.lead} body={draft.body} />
            </article>
            <article aria-labelledby={`${formId}-ban-moi`}>
              <h3 id={`${formId}-ban-moi`}>
                Bản mới nhất — phiên bản {conflict.version}, lưu lúc {formatDateTime(new Date(conflict.updatedAt))}
              </h3>
              <TextVersion title={conflict.title} lead={conflict.lead} body={conflict.body} />
            </article>
          </div>
          <div className="editor-actions">
            <button type="button" className="admin-button admin-button--primary" onClick={() => autosave.keepMine()}>
              Giữ bản của tôi
            </button>
            <button type="button" className="admin-button" onClick={() => void takeLatest()}>
              Dùng bản mới nhất
            </button>
          </div>
        </section>
      )}

      <div className="article-editor__fields">
        <Field id={ids.title} label="Tiêu đề" error={fieldErrors.title}>
          <input
            id={ids.title}
            className="article-editor__title"
            value={draft.title}
            maxLength={300}
            required
            disabled={!editable}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={describedBy(ids.title, fieldErrors.title)}
            onChange={(event) => update({ title: event.target.value })}
          />
        </Field>
        {article && (
          <p className="article-editor__slug">
            Địa chỉ công khai: <code>/bai-viet/{article.slug}</code>
            {slugFixed ? ' (đã xuất bản nên không đổi theo tiêu đề)' : ' (theo tiêu đề cho đến khi xuất bản)'}
          </p>
        )}
        <Field id={ids.lead} label="Sapo" error={fieldErrors.lead}>
          <textarea
            id={ids.lead}
            rows={3}
            value={draft.lead}
            maxLength={2000}
            disabled={!editable}
            aria-invalid={fieldErrors.lead ? true : undefined}
            aria-describedby={describedBy(ids.lead, fieldErrors.lead)}
            onChange={(event) => update({ lead: event.target.value })}
          />
        </Field>
        <div className="admin-field">
          <span className="article-editor__label" aria-hidden="true">
            Nội dung
          </span>
          <BodyEditor editor={editor} />
          {fieldErrors.body && <p className="admin-field__error">{fieldErrors.body}</p>}
        </div>
        <TagInput value={draft.tags} onChange={(tags) => update({ tags })} known={knownTags} disabled={!editable} />
        {fieldErrors.tags && <p className="admin-field__error">{fieldErrors.tags}</p>}
        <fieldset className="article-editor__source">
          <legend>Nguồn (khi đăng lại)</legend>
          {SOURCE_FIELDS.map(({ name, label, type, maxLength }) => (
            <Field key={name} id={ids[name]} label={label} error={fieldErrors[name]}>
              <input
                id={ids[name]}
                type={type}
                value={draft[name]}
                maxLength={maxLength}
                placeholder={type === 'url' ? 'https://' : undefined}
                disabled={!editable}
                aria-invalid={fieldErrors[name] ? true : undefined}
                aria-describedby={describedBy(ids[name], fieldErrors[name])}
                onChange={(event) => update({ [name]: event.target.value })}
              />
            </Field>
          ))}
          <p className="article-editor__source-line">
            Dòng nguồn khi đăng: <span>{sourceLine ?? '(không có)'}</span>
          </p>
        </fieldset>
      </div>

      <div className="editor-actions editor-actions--workflow">
        {editable && (
          <button type="button" className="admin-button" disabled={busy !== null} onClick={() => void autosave.saveNow()}>
            Lưu nháp
          </button>
        )}
        {abilities.submit && (
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={busy !== null}
            onClick={() => void runStep('submit')}
          >
            Gửi duyệt
          </button>
        )}
        {abilities.approve && (
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={busy !== null}
            onClick={() => void runStep('approve')}
          >
            Duyệt
          </button>
        )}
        {abilities.publish && (
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={busy !== null}
            onClick={() => void runStep('publish')}
          >
            Xuất bản
          </button>
        )}
        {abilities.return && (
          <button
            type="button"
            className="admin-button"
            aria-expanded={returning}
            disabled={busy !== null}
            onClick={() => setReturning(!returning)}
          >
            Trả lại
          </button>
        )}
        {article && (
          <a
            className="admin-button admin-button--quiet"
            href={`/quan-tri/bai-viet/${article.id}/xem-truoc`}
            target="_blank"
            rel="noopener"
          >
            Xem trước
          </a>
        )}
      </div>

      {returning && abilities.return && (
        <div className="editor-return" role="group" aria-labelledby={`${formId}-ly-do-nhan`}>
          <label id={`${formId}-ly-do-nhan`} htmlFor={`${formId}-ly-do`}>
            Lý do trả lại
          </label>
          <textarea
            id={`${formId}-ly-do`}
            rows={3}
            maxLength={2000}
            value={returnText}
            autoFocus
            onChange={(event) => setReturnText(event.target.value)}
          />
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={busy !== null || !returnText.trim()}
            onClick={() => void runStep('return', { comment: returnText })}
          >
            Gửi lý do và trả lại
          </button>
        </div>
      )}

      <div role="alert" className={`form-outcome ${notice?.ok ? 'form-outcome--ok' : 'form-outcome--error'}`}>
        {notice?.text}
      </div>
    </div>
  );
}
