'use client';

import { useId, useState } from 'react';
import { TextDiff } from '@/components/admin/text-diff';
import { documentText, type RichDocument } from '@/content/schema';
import { formatSourceLine } from '@/lib/text';
import { RETURN_COMMENT_MAX, type ArticleDraft, type EditorAbilities, type SavedArticle, type WorkflowStep } from '@/schemas/article';

// The buttons under the form: save, the review steps this person may take now, and a
// pending revision's publish (after seeing what changes) or discard.

const sourceOf = (draft: ArticleDraft) =>
  formatSourceLine({ authors: draft.sourceAuthors || null, outlet: draft.sourceOutlet || null, url: draft.sourceUrl || null }) ?? '';

function RevisionDiff({ live, draft }: { live: ArticleDraft; draft: ArticleDraft }) {
  return (
    <>
      <TextDiff label="Tiêu đề" before={live.title} after={draft.title} />
      <TextDiff label="Sapo" before={live.lead} after={draft.lead} />
      <TextDiff label="Nội dung" before={documentText(live.body as RichDocument)} after={documentText(draft.body as RichDocument)} />
      <TextDiff label="Chủ đề" before={live.tags.join(', ')} after={draft.tags.join(', ')} />
      <TextDiff label="Nguồn" before={sourceOf(live)} after={sourceOf(draft)} />
    </>
  );
}

type Props = {
  article: SavedArticle | null;
  abilities: EditorAbilities;
  busy: WorkflowStep | null;
  draft: ArticleDraft;
  live: ArticleDraft | null;
  onSave: () => void;
  onStep: (step: WorkflowStep, extra?: Record<string, string>) => Promise<boolean>;
};

export function WorkflowBar({ article, abilities, busy, draft, live, onSave, onStep }: Props) {
  const id = useId();
  const [open, setOpen] = useState<'return' | 'unpublish' | 'publishRevision' | null>(null);
  const [reason, setReason] = useState('');
  const isBusy = busy !== null;
  const step = (name: WorkflowStep, extra?: Record<string, string>) =>
    void onStep(name, extra).then((done) => {
      if (done) {
        setOpen(null);
        setReason('');
      }
    });
  const button = (name: WorkflowStep, label: string, primary = true) => (
    <button
      type="button"
      className={`admin-button${primary ? ' admin-button--primary' : ''}`}
      disabled={isBusy}
      aria-busy={busy === name}
      onClick={() => step(name)}
    >
      {label}
    </button>
  );
  type Panel = NonNullable<typeof open>;
  /** A button that opens the panel where the step is confirmed (a reason, or what changes). */
  const opener = (panel: Panel, label: string, primary = false) => (
    <button
      type="button"
      className={`admin-button${primary ? ' admin-button--primary' : ''}`}
      aria-expanded={open === panel}
      disabled={isBusy}
      onClick={() => setOpen(open === panel ? null : panel)}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className="editor-actions editor-actions--workflow">
        {abilities.edit ? (
          <button type="button" className="admin-button" disabled={isBusy} onClick={onSave}>
            Lưu nháp
          </button>
        ) : null}
        {abilities.submit ? button('submit', 'Gửi duyệt') : null}
        {abilities.approve ? button('approve', 'Duyệt') : null}
        {abilities.publish ? button('publish', 'Xuất bản') : null}
        {abilities.publishRevision ? opener('publishRevision', 'Xuất bản bản sửa', true) : null}
        {article?.hasPendingRevision && abilities.edit ? button('discardRevision', 'Bỏ bản sửa', false) : null}
        {abilities.return ? opener('return', 'Trả lại') : null}
        {abilities.unpublish ? opener('unpublish', 'Gỡ xuất bản') : null}
        {article ? (
          <a
            className="admin-button admin-button--quiet"
            href={`/quan-tri/bai-viet/${article.id}/xem-truoc`}
            target="_blank"
            rel="noopener"
          >
            Xem trước
          </a>
        ) : null}
      </div>

      {(open === 'return' && abilities.return) || (open === 'unpublish' && abilities.unpublish) ? (
        <div className="editor-return" role="group" aria-labelledby={`${id}-ly-do-nhan`}>
          <label id={`${id}-ly-do-nhan`} htmlFor={`${id}-ly-do`}>
            {open === 'return' ? 'Lý do trả lại' : 'Lý do gỡ xuất bản'}
          </label>
          <textarea
            id={`${id}-ly-do`}
            rows={3}
            maxLength={RETURN_COMMENT_MAX}
            value={reason}
            autoFocus
            aria-describedby={`${id}-ly-do-goi-y`}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${id}-ly-do-goi-y`} className="editor-return__hint">
            {open === 'return'
              ? 'Lý do được ghi vào phần Bình luận của bài (các lần trả lại trước vẫn còn) và tác giả nhận được thông báo.'
              : 'Bài rời trang công khai, trang số bản tin và bản PDF ngay; bài trở về Nháp và lý do được ghi vào phần Bình luận.'}
          </p>
          <button
            type="button"
            className="admin-button admin-button--primary"
            disabled={isBusy || !reason.trim()}
            onClick={() => step(open, open === 'return' ? { comment: reason } : { reason })}
          >
            {open === 'return' ? 'Gửi lý do và trả lại' : 'Gỡ khỏi trang công khai'}
          </button>
        </div>
      ) : null}

      {open === 'publishRevision' && abilities.publishRevision && live ? (
        <section className="editor-revision" aria-labelledby={`${id}-ban-sua`}>
          <h2 id={`${id}-ban-sua`}>Những gì thay đổi khi xuất bản bản sửa</h2>
          <p>
            <del>Gạch ngang</del>: đang hiển thị công khai, sẽ bỏ; <ins>gạch chân</ins>: sẽ xuất hiện. Trang bài viết, trang số bản tin và
            bản PDF được cập nhật ngay sau khi xác nhận.
          </p>
          <RevisionDiff live={live} draft={draft} />
          <div className="editor-actions">
            <button type="button" className="admin-button admin-button--primary" disabled={isBusy} onClick={() => step('publishRevision')}>
              Xác nhận xuất bản bản sửa
            </button>
            <button type="button" className="admin-button admin-button--quiet" onClick={() => setOpen(null)}>
              Để sau
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
