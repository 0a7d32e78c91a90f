import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { documentText } from '@/content/schema';
import { formatDateTime } from '@/lib/dates';
import { formatSourceLine } from '@/lib/text';
import { requirePageActor } from '@/server/auth/session';
import { getRevision } from '@/server/articles/editorial-queries';
import { NotFoundError } from '@/server/errors';
import { loadArticleOr404, routeId } from '../../../editor-props';
import { RestoreForm } from './restore-form';
import { TextDiff } from '@/components/admin/text-diff';
import '../../../editor.css';

type Props = { params: Promise<{ id: string; version: string }> };

export const metadata: Metadata = { title: 'So sánh phiên bản' };

const sourceOf = (value: { sourceAuthors: string | null; sourceOutlet: string | null; sourceUrl: string | null }) =>
  formatSourceLine({ authors: value.sourceAuthors, outlet: value.sourceOutlet, url: value.sourceUrl }) ?? '';

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
        Lưu lúc {formatDateTime(revision.createdAt)} bởi {revision.author ?? 'không rõ'}. <del>Gạch ngang</del>: có trong phiên bản{' '}
        {revision.version}, đã bỏ ở bản hiện tại; <ins>gạch chân</ins>: mới có ở bản hiện tại.
      </p>
      <div className="editor-actions">
        <RestoreForm articleId={id} version={revision.version} expectedVersion={article.version} />
        <Link className="admin-button admin-button--quiet" href={`/quan-tri/bai-viet/${id}`}>
          Quay lại bài viết
        </Link>
      </div>
      <TextDiff heading="h2" label="Tiêu đề" before={revision.title} after={article.title} />
      <TextDiff heading="h2" label="Sapo" before={revision.lead ?? ''} after={article.lead ?? ''} />
      <TextDiff heading="h2" label="Nội dung" before={documentText(revision.body)} after={documentText(article.body)} />
      <TextDiff heading="h2" label="Nguồn" before={sourceOf(revision)} after={sourceOf(article)} />
    </>
  );
}
