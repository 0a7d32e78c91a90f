import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContentDiff } from '@/components/admin/content-diff';
import { REVISION_KIND_LABELS } from '@/components/admin/revision-list';
import { formatDateTime } from '@/lib/dates';
import { requirePageActor } from '@/server/auth/session';
import { getRevision } from '@/server/articles/revision-queries';
import { NotFoundError } from '@/server/errors';
import { loadArticleOr404, routeId } from '../../../editor-props';
import { RestoreForm } from './restore-form';
import '../../../editor.css';

type Props = { params: Promise<{ id: string; version: string }> };

export const metadata: Metadata = { title: 'So sánh phiên bản' };

export default async function RevisionPage({ params }: Props) {
  const { id: rawId, version: rawVersion } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/phien-ban/${rawVersion}`);
  const id = routeId(rawId);
  const version = routeId(rawVersion);
  const article = await loadArticleOr404(id);
  const revision = await getRevision(id, version).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <h1 className="admin-title">
        Phiên bản {revision.version} so với bản hiện tại ({article.version})
      </h1>
      <p className="admin-lead">
        {REVISION_KIND_LABELS[revision.kind]} lúc {formatDateTime(revision.createdAt)} bởi {revision.author ?? 'không rõ'}.{' '}
        <del>Gạch ngang</del>: có trong phiên bản {revision.version}, đã bỏ ở bản hiện tại; <ins>gạch chân</ins>: mới có ở bản hiện tại.
      </p>
      <div className="editor-actions">
        <RestoreForm articleId={id} version={revision.version} expectedVersion={article.pendingRevision?.version ?? article.version} />
        <Link className="admin-button admin-button--quiet" href={`/quan-tri/bai-viet/${id}/phien-ban`}>
          Tất cả phiên bản
        </Link>
        <Link className="admin-button admin-button--quiet" href={`/quan-tri/bai-viet/${id}`}>
          Quay lại bài viết
        </Link>
      </div>
      <ContentDiff before={revision} after={article} />
    </>
  );
}
