import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleEditor } from '@/components/editor/article-editor';
import { RevisionList } from '@/components/admin/revision-list';
import { requirePageActor } from '@/server/auth/session';
import { editorDataOf } from '@/server/articles/editorial-queries';
import { listRevisions } from '@/server/articles/revision-queries';
import { currentPresence } from '@/server/presence/lease';
import { formatDateTime } from '@/lib/dates';
import { commentsContext, editorContext, loadArticleOr404, routeId } from '../editor-props';
import '../editor.css';
import '../collaboration.css';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Sửa bài viết' };

/** The newest revisions on the editing page; all of them, a page at a time, on "Phiên bản". */
const RECENT_REVISIONS = 5;

export default async function EditArticlePage({ params }: Props) {
  const { id: rawId } = await params;
  const actor = await requirePageActor(`/quan-tri/bai-viet/${rawId}`);
  const id = routeId(rawId);
  const article = await loadArticleOr404(id);
  const [context, revisions, comments, presence] = await Promise.all([
    editorContext(actor, article.authorId),
    listRevisions(id, 1, RECENT_REVISIONS),
    commentsContext(actor, id),
    currentPresence(actor, id),
  ]);
  return (
    <>
      <h1 className="admin-title">Sửa bài viết</h1>
      <p className="admin-lead">
        Tác giả: {article.author} · cập nhật lần cuối {formatDateTime(article.updatedAt)} ·{' '}
        <Link href={`/quan-tri/bai-viet/${id}/lich-su`}>Lịch sử</Link>
      </p>
      <ArticleEditor
        // A newer saved version or status from the server starts the form afresh.
        key={`${article.id}:${article.version}:${article.status}`}
        initial={{ ...editorDataOf(article), presence }}
        returnComment={article.returnComment}
        slugFixed={article.slugFixed}
        comments={comments}
        {...context}
      />
      <section className="admin-panel revisions" aria-labelledby="cac-phien-ban">
        <h2 id="cac-phien-ban">Các phiên bản</h2>
        <RevisionList articleId={id} items={revisions.items} currentVersion={article.version} />
        {revisions.total > RECENT_REVISIONS ? (
          <p>
            <Link href={`/quan-tri/bai-viet/${id}/phien-ban`}>Tất cả {revisions.total} phiên bản</Link>
          </p>
        ) : (
          <p>
            <Link href={`/quan-tri/bai-viet/${id}/phien-ban`}>So sánh hai phiên bản bất kỳ</Link>
          </p>
        )}
      </section>
    </>
  );
}
