import Link from 'next/link';
import { formatDateTime } from '@/lib/dates';
import type { RevisionKind } from '@/generated/prisma/enums';

// Revisions as people read them: which, when, who, and why it was kept.

export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  CREATED: 'Tạo bài',
  SAVED: 'Lưu nháp',
  CHECKPOINT: 'Tự động lưu mốc (10 phút)',
  REPLACED: 'Bản của người khác trước khi bị thay',
  SUBMITTED: 'Gửi duyệt',
  APPROVED: 'Duyệt',
  RETURNED: 'Trả lại',
  PUBLISHED: 'Xuất bản',
  UNPUBLISHED: 'Gỡ xuất bản',
  RESTORED: 'Khôi phục phiên bản cũ',
  REVISION_PUBLISHED: 'Xuất bản bản sửa',
};

export type RevisionRow = { version: number; createdAt: Date; author: string | null; kind: RevisionKind };

export function RevisionList({ articleId, items, currentVersion }: { articleId: number; items: RevisionRow[]; currentVersion: number }) {
  return (
    <ol className="revisions__list">
      {items.map((revision) => (
        <li key={revision.version}>
          <span>
            Phiên bản {revision.version} · {REVISION_KIND_LABELS[revision.kind]} · {formatDateTime(revision.createdAt)} ·{' '}
            {revision.author ?? 'không rõ'}
          </span>
          {revision.version !== currentVersion ? (
            <Link href={`/quan-tri/bai-viet/${articleId}/phien-ban/${revision.version}`}>So sánh với bản hiện tại</Link>
          ) : (
            <span className="revisions__current">bản hiện tại</span>
          )}
        </li>
      ))}
    </ol>
  );
}
