import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/server/auth/session';
import { getDashboard } from '@/server/articles/editorial-queries';
import { can, ROLE_LABELS } from '@/server/permissions';
import { ArticleRows } from './bai-viet/article-table';
import './bai-viet/editor.css';

export const metadata: Metadata = { title: 'Bảng điều khiển' };

export default async function DashboardPage() {
  const actor = await requirePageActor('/quan-tri');
  const dashboard = await getDashboard(actor, can(actor, 'article.approve'));
  return (
    <>
      <h1 className="admin-title">Bảng điều khiển</h1>
      <p className="admin-lead">
        Xin chào {actor.name} ({ROLE_LABELS[actor.role]}).
      </p>
      <ul className="dashboard-links">
        <li>
          <Link href="/quan-tri/bai-viet/moi" className="admin-button admin-button--primary">
            Bài viết mới
          </Link>
        </li>
        <li>
          <Link href="/quan-tri/bai-viet" className="admin-button">
            Bài viết
          </Link>
        </li>
      </ul>
      <div className="dashboard">
        <section className="admin-panel" aria-labelledby="bi-tra-lai">
          <h2 id="bi-tra-lai">Bị trả lại cho tôi</h2>
          <ArticleRows items={dashboard.returnedToMe} empty="Không có bài nào bị trả lại." showComment />
        </section>
        {dashboard.waitingForApproval && (
          <section className="admin-panel" aria-labelledby="cho-duyet">
            <h2 id="cho-duyet">Chờ duyệt</h2>
            <ArticleRows items={dashboard.waitingForApproval} empty="Không có bài nào đang chờ duyệt." />
          </section>
        )}
        <section className="admin-panel" aria-labelledby="nhap-cua-toi">
          <h2 id="nhap-cua-toi">Bản nháp của tôi</h2>
          <ArticleRows items={dashboard.myDrafts} empty="Bạn chưa có bản nháp nào." />
        </section>
        <section className="admin-panel" aria-labelledby="moi-xuat-ban">
          <h2 id="moi-xuat-ban">Mới xuất bản</h2>
          <ArticleRows items={dashboard.recentlyPublished} empty="Chưa có bài nào được xuất bản." />
        </section>
      </div>
    </>
  );
}
