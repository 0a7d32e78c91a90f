import { useId } from 'react';
import { formatDateTime } from '@/lib/dates';
import type { LocalCopy } from './local-copy';

// Things the editor should know before typing: why the article came back, and unsaved text
// kept in this browser from an earlier visit.

export function ReturnedNotice({ comment }: { comment: string }) {
  const id = useId();
  return (
    <section className="editor-notice editor-notice--returned" aria-labelledby={id}>
      <h2 id={id}>Bài viết bị trả lại</h2>
      <p>{comment}</p>
    </section>
  );
}

export function LocalCopyOffer({ copy, onRestore, onDismiss }: { copy: LocalCopy; onRestore: () => void; onDismiss: () => void }) {
  const id = useId();
  return (
    <section className="editor-notice" aria-labelledby={id}>
      <h2 id={id}>Có nội dung chưa lưu trên máy này</h2>
      <p>
        Lúc {formatDateTime(new Date(copy.savedAt))}
        {copy.baseVersion > 0 ? `, soạn trên phiên bản ${copy.baseVersion}` : ''}: “{copy.draft.title || 'chưa có tiêu đề'}”.
      </p>
      <div className="editor-actions">
        <button type="button" className="admin-button admin-button--primary" onClick={onRestore}>
          Khôi phục nội dung chưa lưu
        </button>
        <button type="button" className="admin-button admin-button--quiet" onClick={onDismiss}>
          Bỏ nội dung này
        </button>
      </div>
    </section>
  );
}
