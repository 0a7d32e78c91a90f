import { diffWordsWithSpace } from 'diff';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { documentText } from '@/content/schema';
import { formatDateTime } from '@/lib/dates';
import { formatSourceLine } from '@/lib/text';
import { requirePageActor } from '@/server/auth/session';
import { getRevision } from '@/server/articles/editorial-queries';
import { NotFoundError } from '@/server/errors';
import { loadArticleOr404, parseRouteNumber } from '../../../editor-props';
import { RestoreForm } from './restore-form';
import '../../../editor.css';

type Props = { params: Promise<{ id: string; version: string }> };

export const metadata: Metadata = { title: 'So sánh phiên bản' };

/** Words removed since the revision are <del>, words added are <ins>. */
function Difference({ label, before, after }: { label: string; before: string; after: string }) {
  const parts = diffWordsWithSpace(before, after);
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <section className="revision-diff" aria-label={label}>
      <h2>{label}</h2>
      {changed ? (
        <div className="revision-diff__text">
          {parts.map((part, index) =>
            part.added ? (
              <ins key={index}>{part.value}</ins>
            ) : part.removed ? (
              <del key={index}>{part.value}</del>
            ) : (
              <span key={index}>{part.value}</span>
            ),
          )}
        </div>
      ) : (
        <p className="revision-diff__same">Không thay đổi.</p>
      )}
    </section>
  );
}

const sourceOf = (value: { sourceAuthors: string | null; sourceOutlet: string | null; sourceUrl: string | null }) =>
  formatSourceLine({ authors: value.sourceAuthors, outlet: value.sourceOutlet, url: value.sourceUrl }) ?? '';

export default async function RevisionPage({ params }: Props) {
  const { id: rawId, version: rawVersion } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/phien-ban/${rawVersion}`);
  const id = parseRouteNumber(rawId);
  const version = parseRouteNumber(rawVersion);
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
      <Difference label="Tiêu đề" before={revision.title} after={article.title} />
      <Difference label="Sapo" before={revision.lead ?? ''} after={article.lead ?? ''} />
      <Difference label="Nội dung" before={documentText(revision.body)} after={documentText(article.body)} />
      <Difference label="Nguồn" before={sourceOf(revision)} after={sourceOf(article)} />
    </>
  );
}
