import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContentDiff } from '@/components/admin/content-diff';
import { REVISION_KIND_LABELS } from '@/components/admin/revision-list';
import { formatDateTime } from '@/lib/dates';
import { parseId } from '@/lib/route-params';
import { requirePageActor } from '@/server/auth/session';
import { getRevision, type Revision } from '@/server/articles/revision-queries';
import { NotFoundError } from '@/server/errors';
import { loadArticleOr404, routeId } from '../../../editor-props';
import { RestoreForm } from '../[version]/restore-form';
import '../../../editor.css';
import '../../../collaboration.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'So sánh hai phiên bản' };

const one = (value: string | string[] | undefined) => parseId(Array.isArray(value) ? value[0] : value);

const describe = (revision: Revision) =>
  `${REVISION_KIND_LABELS[revision.kind]} lúc ${formatDateTime(revision.createdAt)} bởi ${revision.author ?? 'không rõ'}`;

export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/phien-ban`);
  const id = routeId(rawId);
  const query = await searchParams;
  const [from, to] = [one(query.tu), one(query.den)];
  if (!from || !to) notFound();
  const article = await loadArticleOr404(id);
  // Older first, whichever order they were picked in.
  const [older, newer] = await Promise.all([getRevision(id, Math.min(from, to)), getRevision(id, Math.max(from, to))]).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  return (
    <>
      <h1 className="admin-title">
        Phiên bản {older.version} so với phiên bản {newer.version}
      </h1>
      <ul className="admin-lead revision-compare__facts">
        <li>
          Phiên bản {older.version}: {describe(older)}.
        </li>
        <li>
          Phiên bản {newer.version}: {describe(newer)}.
        </li>
        <li>
          <del>Gạch ngang</del>: có ở phiên bản {older.version}, đã bỏ ở phiên bản {newer.version}; <ins>gạch chân</ins>: mới có ở phiên bản{' '}
          {newer.version}.
        </li>
      </ul>
      <div className="editor-actions">
        {[older, newer]
          .filter((revision) => revision.version !== article.version)
          .map((revision) => (
            <RestoreForm
              key={revision.version}
              articleId={id}
              version={revision.version}
              expectedVersion={article.pendingRevision?.version ?? article.version}
            />
          ))}
        <Link className="admin-button admin-button--quiet" href={`/quan-tri/bai-viet/${id}/phien-ban`}>
          Tất cả phiên bản
        </Link>
      </div>
      <ContentDiff before={older} after={newer} />
    </>
  );
}
