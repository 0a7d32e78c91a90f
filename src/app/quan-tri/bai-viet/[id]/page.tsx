import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleEditor } from '@/components/editor/article-editor';
import { requirePageActor } from '@/server/auth/session';
import { editorDataOf, listRevisions } from '@/server/articles/editorial-queries';
import { formatDateTime } from '@/lib/dates';
import { editorContext, loadArticleOr404, routeId } from '../editor-props';
import '../editor.css';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Sửa bài viết' };

export default async function EditArticlePage({ params }: Props) {
  const { id: rawId } = await params;
  const actor = await requirePageActor(`/quan-tri/bai-viet/${rawId}`);
  const id = routeId(rawId);
  const article = await loadArticleOr404(id);
  const [context, revisions] = await Promise.all([editorContext(actor, article.authorId), listRevisions(id)]);
  return (
    <>
      <h1 className="admin-title">Sửa bài viết</h1>
      <p className="admin-lead">
        Tác giả: {article.author} · cập nhật lần cuối {formatDateTime(article.updatedAt)}
      </p>
      <ArticleEditor
        // A newer saved version or status from the server starts the form afresh.
        key={`${article.id}:${article.version}:${article.status}`}
        initial={editorDataOf(article)}
        returnComment={article.returnComment}
        slugFixed={article.slugFixed}
        {...context}
      />
      <section className="admin-panel revisions" aria-labelledby="cac-phien-ban">
        <h2 id="cac-phien-ban">Các phiên bản</h2>
        <ol className="revisions__list">
          {revisions.map((revision) => (
            <li key={revision.version}>
              <span>
                Phiên bản {revision.version} · {formatDateTime(revision.createdAt)} · {revision.author ?? 'không rõ'}
              </span>
              {revision.version !== article.version ? (
                <Link href={`/quan-tri/bai-viet/${id}/phien-ban/${revision.version}`}>So sánh với bản hiện tại</Link>
              ) : (
                <span className="revisions__current">bản hiện tại</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
