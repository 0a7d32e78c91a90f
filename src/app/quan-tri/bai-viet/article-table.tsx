import Link from 'next/link';
import type { EditorialListItem } from '@/server/articles/editorial-queries';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import { formatDateTime } from '@/lib/dates';

/** Articles as a compact list: title (to the editor), status word, author, last change. */
export function ArticleRows({
  items,
  empty,
  showComment = false,
  selectForm,
}: {
  items: (EditorialListItem & { tags?: string[] })[];
  empty: string;
  showComment?: boolean;
  /** The id of the bulk-action form the rows' checkboxes belong to. */
  selectForm?: string;
}) {
  if (items.length === 0) return <p className="article-rows__empty">{empty}</p>;
  return (
    <ul className="article-rows">
      {items.map((item) => (
        <li key={item.id} className={`article-rows__item${selectForm ? ' article-rows__item--selectable' : ''}`}>
          {selectForm ? (
            <input
              type="checkbox"
              className="article-rows__select"
              form={selectForm}
              name="chon"
              value={`${item.id}:${item.version}`}
              aria-label={`Chọn bài “${item.title}”`}
            />
          ) : null}
          <Link href={`/quan-tri/bai-viet/${item.id}`} className="article-rows__title">
            {item.title}
          </Link>
          <span className="article-rows__meta">
            <span className={`status status--${item.status.toLowerCase()}`}>{ARTICLE_STATUS_LABELS[item.status]}</span>
            <span>{item.author}</span>
            <span>
              cập nhật <time dateTime={item.updatedAt.toISOString()}>{formatDateTime(item.updatedAt)}</time>
            </span>
            {item.tags && item.tags.length > 0 && <span>Chủ đề: {item.tags.join(', ')}</span>}
          </span>
          {showComment && item.returnComment && (
            <p className="article-rows__comment">
              <strong>Lý do trả lại:</strong> {item.returnComment}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
