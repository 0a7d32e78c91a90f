import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/public/pagination';
import { RevisionList } from '@/components/admin/revision-list';
import { requirePageActor } from '@/server/auth/session';
import { listRevisions, listRevisionVersions } from '@/server/articles/revision-queries';
import { parsePageParam } from '@/lib/route-params';
import { loadArticleOr404, routeId } from '../../editor-props';
import '../../editor.css';
import '../../collaboration.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ trang?: string | string[] }> };

export const metadata: Metadata = { title: 'Phiên bản bài viết' };

function VersionSelect({ name, label, versions, value }: { name: string; label: string; versions: number[]; value: number | undefined }) {
  return (
    <div className="admin-field">
      <label htmlFor={`so-sanh-${name}`}>{label}</label>
      <select id={`so-sanh-${name}`} name={name} defaultValue={value}>
        {versions.map((version) => (
          <option key={version} value={version}>
            Phiên bản {version}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/phien-ban`);
  const id = routeId(rawId);
  const article = await loadArticleOr404(id);
  const [page, versions] = await Promise.all([listRevisions(id, parsePageParam((await searchParams).trang)), listRevisionVersions(id)]);
  return (
    <>
      <h1 className="admin-title">Phiên bản của “{article.title}”</h1>
      <p className="admin-lead">
        Mỗi lần Lưu nháp, gửi duyệt, duyệt, trả lại, xuất bản hay khôi phục đều giữ một phiên bản; khi đang gõ, hệ thống tự giữ một mốc mỗi
        10 phút. <Link href={`/quan-tri/bai-viet/${id}`}>Quay lại bài viết</Link> ·{' '}
        <Link href={`/quan-tri/bai-viet/${id}/lich-su`}>Lịch sử</Link>
      </p>
      {versions.length > 1 ? (
        <form method="get" action={`/quan-tri/bai-viet/${id}/phien-ban/so-sanh`} className="admin-form revision-compare">
          <VersionSelect name="tu" label="So sánh phiên bản" versions={versions} value={versions[1]} />
          <VersionSelect name="den" label="với phiên bản" versions={versions} value={versions[0]} />
          <button type="submit" className="admin-button admin-button--primary">
            So sánh
          </button>
        </form>
      ) : null}
      <section className="admin-panel revisions" aria-labelledby="danh-sach-phien-ban">
        <h2 id="danh-sach-phien-ban">
          {page.total} phiên bản, trang {page.page}/{page.pageCount}
        </h2>
        <RevisionList articleId={id} items={page.items} currentVersion={article.version} />
      </section>
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(n) => `/quan-tri/bai-viet/${id}/phien-ban?trang=${n}`} />
    </>
  );
}
