import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTrail } from '@/components/admin/audit-trail';
import { requirePageActor } from '@/server/auth/session';
import { listAuditTrail } from '@/server/audit/queries';
import { parsePageParam } from '@/lib/route-params';
import { loadArticleOr404, routeId } from '../../editor-props';
import '../../editor.css';
import '../../collaboration.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ trang?: string | string[] }> };

export const metadata: Metadata = { title: 'Lịch sử bài viết' };

// "Lịch sử": who did what to the article and when (saves that kept a revision, workflow steps,
// comments, take-overs, refusals), newest first, fifty at a time.
export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/lich-su`);
  const id = routeId(rawId);
  const article = await loadArticleOr404(id);
  const page = parsePageParam((await searchParams).trang);
  const trail = await listAuditTrail('article', id, page);
  return (
    <>
      <h1 className="admin-title">Lịch sử của “{article.title}”</h1>
      <p className="admin-lead">
        <Link href={`/quan-tri/bai-viet/${id}`}>Quay lại bài viết</Link> ·{' '}
        <Link href={`/quan-tri/bai-viet/${id}/phien-ban`}>Phiên bản</Link>
      </p>
      <AuditTrail entries={trail.entries} headingId="lich-su-bai-viet" title={page > 1 ? `Lịch sử (trang ${page})` : 'Lịch sử'} />
      <nav aria-label="Trang lịch sử" className="history-pages">
        {page > 1 ? <Link href={`/quan-tri/bai-viet/${id}/lich-su?trang=${page - 1}`}>Mới hơn</Link> : null}
        {trail.hasMore ? <Link href={`/quan-tri/bai-viet/${id}/lich-su?trang=${page + 1}`}>Cũ hơn</Link> : null}
      </nav>
    </>
  );
}
