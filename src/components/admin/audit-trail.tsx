import { formatDateTime } from '@/lib/dates';

// "Lịch sử": who did what and when, in words, with the reason when one was given.

export type AuditTrailEntry = { id: number; action: string; actor: string | null; createdAt: Date; data: Record<string, unknown> };

const ACTION_LABELS: Record<string, string> = {
  'issue.created': 'Tạo số',
  'issue.section.added': 'Thêm chuyên mục',
  'issue.section.renamed': 'Đổi tên chuyên mục',
  'issue.section.moved': 'Sắp xếp chuyên mục',
  'issue.section.removed': 'Xoá chuyên mục',
  'issue.article.added': 'Thêm bài viết',
  'issue.article.moved': 'Sắp xếp bài viết',
  'issue.article.removed': 'Gỡ bài viết khỏi số',
  'issue.scheduled': 'Lên lịch xuất bản',
  'issue.published': 'Xuất bản',
  'issue.unpublished': 'Gỡ lịch / gỡ xuất bản',
  'issue.denied': 'Bị từ chối (không có quyền)',
  'issue.refused': 'Bị từ chối',
  'article.created': 'Tạo bài',
  'article.saved': 'Lưu',
  'article.submitted': 'Gửi duyệt',
  'article.approved': 'Duyệt',
  'article.returned': 'Trả lại',
  'article.published': 'Xuất bản',
  'article.unpublished': 'Gỡ xuất bản',
  'article.revisionSaved': 'Lưu bản sửa chưa xuất bản',
  'article.revisionPublished': 'Xuất bản bản sửa',
  'article.revisionDiscarded': 'Bỏ bản sửa',
  'article.restored': 'Khôi phục phiên bản',
  'article.takenOver': 'Tiếp quản bài đang được sửa',
  'article.commented': 'Bình luận',
  'article.commentResolved': 'Đánh dấu bình luận đã giải quyết',
  'article.commentReopened': 'Mở lại bình luận',
  'article.denied': 'Bị từ chối (không có quyền)',
  'article.refused': 'Bị từ chối',
};

/** The detail a reader needs: the reason or comment given, the time scheduled. */
function detailOf(data: Record<string, unknown>): string | null {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  const reason = text(data.reason) ?? text(data.comment);
  if (reason) return `Lý do: ${reason}`;
  const from = text(data.from);
  if (from) return `Từ: ${from}`;
  const publishAt = text(data.publishAt);
  if (publishAt) return `Thời gian xuất bản: ${formatDateTime(new Date(publishAt))}`;
  const message = text(data.message);
  return message;
}

export function AuditTrail({ entries, headingId, title = 'Lịch sử' }: { entries: AuditTrailEntry[]; headingId: string; title?: string }) {
  return (
    <section className="admin-panel audit-trail" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {entries.length === 0 ? <p>Chưa có hoạt động nào.</p> : null}
      <ol className="audit-trail__list">
        {entries.map((entry) => {
          const detail = detailOf(entry.data);
          return (
            <li key={entry.id}>
              <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> ·{' '}
              {ACTION_LABELS[entry.action] ?? entry.action}
              {entry.actor ? ` · ${entry.actor}` : ''}
              {detail ? <p className="audit-trail__detail">{detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
