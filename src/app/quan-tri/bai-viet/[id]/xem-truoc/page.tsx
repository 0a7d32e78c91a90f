import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleBody } from '@/components/public/article-body';
import { requirePageActor } from '@/server/auth/session';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import { loadArticleOr404, routeId } from '../../editor-props';
import '../../editor.css';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Xem trước bài viết' };

/** The last saved version, rendered with the public article's own markup. */
export default async function PreviewPage({ params }: Props) {
  const { id: rawId } = await params;
  await requirePageActor(`/quan-tri/bai-viet/${rawId}/xem-truoc`);
  const article = await loadArticleOr404(routeId(rawId));
  return (
    <>
      <div className="preview-banner" role="note">
        <p>
          Bản xem trước phiên bản {article.version} (đã lưu) · trạng thái <strong>{ARTICLE_STATUS_LABELS[article.status]}</strong>
          {article.status !== 'PUBLISHED' && ' · công chúng chưa xem được'}
        </p>
        <Link href={`/quan-tri/bai-viet/${article.id}`}>Quay lại sửa bài</Link>
      </div>
      <div className="preview-frame">
        <ArticleBody
          article={{
            ...article,
            source: { authors: article.sourceAuthors, outlet: article.sourceOutlet, url: article.sourceUrl },
            issue: article.placement?.issue ?? null,
            section: article.placement?.section ?? null,
          }}
        />
      </div>
    </>
  );
}
