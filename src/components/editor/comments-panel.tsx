'use client';

import { useId, useState } from 'react';
import { formatDateTime } from '@/lib/dates';
import { COMMENT_MAX, QUOTE_MAX, type Colleague, type CommentActions, type CommentView } from '@/schemas/comment';
import { MentionSuggestions } from './mention-suggestions';

// "Bình luận": the article's thread, oldest first: comments, returns and unpublish reasons,
// each with its writer, time and quoted passage; resolve or reopen; a form to write, quote the
// passage selected in the body, and mention colleagues with "@Tên". Every text is shown as
// text (React escapes it); nothing typed here is ever markup.

const KIND_LABELS: Record<CommentView['kind'], string | null> = { NOTE: null, RETURN: 'Trả lại', UNPUBLISH: 'Gỡ xuất bản' };

type Props = {
  articleId: number;
  initial: CommentView[];
  colleagues: Colleague[];
  actions: CommentActions;
  /** The passage selected in the body, if any. */
  selectedText: () => string;
  /** The id the thread's heading is reached by (notifications link here). */
  anchor: string;
};

function CommentItem({ comment, busy, onResolve }: { comment: CommentView; busy: boolean; onResolve: (resolved: boolean) => void }) {
  const kind = KIND_LABELS[comment.kind];
  const at = formatDateTime(new Date(comment.createdAt));
  return (
    <li className={`comment${comment.resolvedAt ? ' comment--resolved' : ''}${comment.kind !== 'NOTE' ? ' comment--workflow' : ''}`}>
      <article aria-label={`Bình luận của ${comment.author ?? 'người dùng đã xoá'} lúc ${at}`}>
        <p className="comment__meta">
          <strong>{comment.author ?? 'Người dùng đã xoá'}</strong> · <time dateTime={comment.createdAt}>{at}</time>
          {kind ? <span className="comment__kind">{kind}</span> : null}
          {comment.resolvedAt ? (
            <span className="comment__resolved">Đã giải quyết{comment.resolvedBy ? ` (${comment.resolvedBy})` : ''}</span>
          ) : null}
        </p>
        {comment.quote ? <blockquote className="comment__quote">{comment.quote}</blockquote> : null}
        <p className="comment__body">{comment.body}</p>
        {comment.canResolve ? (
          <button type="button" className="admin-button admin-button--quiet" disabled={busy} onClick={() => onResolve(!comment.resolvedAt)}>
            {comment.resolvedAt ? 'Mở lại' : 'Đánh dấu đã giải quyết'}
          </button>
        ) : null}
      </article>
    </li>
  );
}

export function CommentsPanel({ articleId, initial, colleagues, actions, selectedText, anchor }: Props) {
  const id = useId();
  const [thread, setThread] = useState(initial);
  const [body, setBody] = useState('');
  const [quote, setQuote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const open = thread.filter((comment) => !comment.resolvedAt).length;

  const run = async (work: () => ReturnType<CommentActions['add']>, after?: () => void) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      if (result.ok) {
        setThread(result.data);
        setFieldError(null);
        after?.();
      } else setFieldError(result.fieldErrors?.body ?? null);
      setOutcome({ ok: result.ok, text: result.message });
    } catch {
      setOutcome({ ok: false, text: 'Không gửi được: mất kết nối. Nội dung bình luận vẫn còn trong ô, hãy thử lại.' });
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    run(
      () => actions.add(articleId, { body, ...(quote ? { quote } : {}) }),
      () => {
        setBody('');
        setQuote('');
      },
    );

  return (
    <section id={anchor} className="admin-panel comments" aria-labelledby={`${id}-tieu-de`} tabIndex={-1}>
      <h2 id={`${id}-tieu-de`}>Bình luận</h2>
      <p className="comments__summary">
        {thread.length === 0 ? 'Chưa có bình luận nào.' : `${thread.length} bình luận, ${open} chưa giải quyết.`}
      </p>
      {thread.length > 0 ? (
        <ol className="comments__list">
          {thread.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              busy={busy}
              onResolve={(resolved) => void run(() => actions.resolve(comment.id, resolved))}
            />
          ))}
        </ol>
      ) : null}
      <form
        className="comments__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {quote ? (
          <div className="comments__quote-preview">
            <p>Trích đoạn:</p>
            <blockquote className="comment__quote">{quote}</blockquote>
            <button type="button" className="admin-button admin-button--quiet" onClick={() => setQuote('')}>
              Bỏ trích đoạn
            </button>
          </div>
        ) : null}
        <label htmlFor={`${id}-noi-dung`}>Bình luận</label>
        <textarea
          id={`${id}-noi-dung`}
          rows={3}
          maxLength={COMMENT_MAX}
          value={body}
          aria-describedby={`${id}-goi-y${fieldError ? ` ${id}-loi` : ''}`}
          aria-invalid={fieldError ? true : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
        <p id={`${id}-goi-y`} className="comments__hint">
          Gõ @ và tên để nhắc một đồng nghiệp; họ sẽ nhận được thông báo.
        </p>
        {fieldError ? (
          <p id={`${id}-loi`} className="admin-field__error">
            {fieldError}
          </p>
        ) : null}
        <MentionSuggestions text={body} colleagues={colleagues} onPick={setBody} />
        <div className="editor-actions">
          <button type="submit" className="admin-button admin-button--primary" disabled={busy || !body.trim()} aria-busy={busy}>
            Gửi bình luận
          </button>
          <button
            type="button"
            className="admin-button admin-button--quiet"
            onClick={() => {
              const selected = selectedText().trim();
              if (selected) setQuote(selected.slice(0, QUOTE_MAX));
              else setOutcome({ ok: false, text: 'Hãy bôi đen một đoạn trong phần Nội dung trước khi trích.' });
            }}
          >
            Trích đoạn đang chọn
          </button>
        </div>
        <p role="status" className="form-outcome form-outcome--ok">
          {outcome?.ok ? outcome.text : null}
        </p>
        <div role="alert" className="form-outcome form-outcome--error">
          {outcome && !outcome.ok ? outcome.text : null}
        </div>
      </form>
    </section>
  );
}
