import { formatDateTime } from '@/lib/dates';
import type { SavedArticle } from '@/schemas/article';
import type { SaveStatus } from './autosave';

// The line under the title: where the text is (status, version) and what the save loop did.

const timeOf = (date: Date) => formatDateTime(date).slice(-5);

export function saveStatusText(status: SaveStatus, article: SavedArticle | null): string {
  switch (status.kind) {
    case 'idle':
      return 'Chưa có thay đổi.';
    case 'pending':
      return 'Có thay đổi chưa lưu…';
    case 'saving':
      return 'Đang lưu…';
    case 'saved':
      return article?.isLive ? `Đã lưu bản sửa lúc ${timeOf(status.at)}` : `Đã lưu lúc ${timeOf(status.at)}`;
    case 'offline':
      return 'Chưa lưu — mất kết nối. Nội dung vẫn được giữ trên máy này và sẽ được lưu khi có mạng.';
    case 'needs-title':
      return 'Chưa lưu — cần nhập Tiêu đề.';
    case 'refused':
      return `Chưa lưu — ${status.message}`;
    case 'conflict':
      return 'Chưa lưu — đồng nghiệp vừa sửa cùng phần với bạn: hãy chọn bản cần giữ bên dưới.';
    case 'taken':
      return `Chưa lưu — ${status.message}`;
  }
}

/** What editing does in this state, so no status changes silently. */
function editingRule(article: SavedArticle): string | null {
  if (article.isLive) {
    return article.status === 'PUBLISHED'
      ? 'Bài đang xuất bản: thay đổi được lưu vào “Bản sửa chưa xuất bản”; trang công khai giữ nội dung hiện tại cho đến khi bấm “Xuất bản bản sửa”.'
      : 'Bài đã duyệt và nằm trong số đã lên lịch: thay đổi được lưu vào “Bản sửa chưa xuất bản”; số sẽ xuất bản nội dung đã duyệt cho đến khi bấm “Xuất bản bản sửa”.';
  }
  if (article.status === 'SUBMITTED')
    return 'Bài đang chờ duyệt: thay đổi được lưu vào chính bài trong hàng chờ; lãnh đạo phòng duyệt phiên bản mới nhất.';
  if (article.status === 'APPROVED') return 'Bài đã duyệt: nếu sửa nội dung, bài sẽ chuyển về “Chờ duyệt” để được duyệt lại.';
  return null;
}

export function EditorStatus({
  article,
  status,
  statusLabels,
}: {
  article: SavedArticle | null;
  status: SaveStatus;
  statusLabels: Record<string, string>;
}) {
  const current = article?.status ?? 'DRAFT';
  const rule = article ? editingRule(article) : null;
  return (
    <div className="article-editor__meta">
      <p>
        Trạng thái: <strong className={`status status--${current.toLowerCase()}`}>{statusLabels[current]}</strong>
        {article?.hasPendingRevision ? <strong className="status status--pending-revision">Bản sửa chưa xuất bản</strong> : null}
        {article ? <span> · Phiên bản {article.version}</span> : null}
      </p>
      <p className="article-editor__save-status" role="status" aria-live="polite">
        {saveStatusText(status, article)}
      </p>
      {rule ? <p className="article-editor__rule">{rule}</p> : null}
    </div>
  );
}
