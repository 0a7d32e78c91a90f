import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/server/auth/session';
import { getDashboard } from '@/server/articles/dashboard-queries';
import { BACKUP_STATUS_LABELS, getBackupSummary } from '@/server/backup/runs';
import { can, ROLE_LABELS } from '@/server/permissions';
import { ArticleRows } from './bai-viet/article-table';
import { formatBytes } from '@/lib/bytes';
import { formatDateTime } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import './bai-viet/editor.css';

export const metadata: Metadata = { title: 'Bảng điều khiển' };

export default async function DashboardPage() {
  const actor = await requirePageActor('/quan-tri');
  const [dashboard, backup] = await Promise.all([
    getDashboard(actor, can(actor, 'article.approve')),
    can(actor, 'system.manage') ? getBackupSummary(actor) : null,
  ]);
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
        <li>
          <Link href="/quan-tri/lich" className="admin-button">
            Lịch
          </Link>
        </li>
      </ul>
      <div className="dashboard">
        <section className="admin-panel" aria-labelledby="so-dang-soan">
          <h2 id="so-dang-soan">Số đang soạn</h2>
          {dashboard.composingIssue ? (
            <p>
              <Link href={`/quan-tri/ban-tin/${dashboard.composingIssue.id}`}>
                Số {formatIssueNumber(dashboard.composingIssue.number)}/{dashboard.composingIssue.year}
              </Link>{' '}
              · {dashboard.composingIssue.articleCount} bài viết
            </p>
          ) : (
            <p>
              Chưa có số nào đang soạn. <Link href="/quan-tri/ban-tin/moi">Số mới</Link>
            </p>
          )}
        </section>
        <section className="admin-panel" aria-labelledby="so-len-lich">
          <h2 id="so-len-lich">Đã lên lịch</h2>
          {dashboard.scheduledIssues.length === 0 ? (
            <p>Không có số nào đang chờ xuất bản.</p>
          ) : (
            <ul>
              {dashboard.scheduledIssues.map((issue) => (
                <li key={issue.id}>
                  <Link href={`/quan-tri/ban-tin/${issue.id}`}>
                    Số {formatIssueNumber(issue.number)}/{issue.year}
                  </Link>{' '}
                  · xuất bản lúc {issue.publishAt ? formatDateTime(issue.publishAt) : '—'} · {issue.articleCount} bài viết
                </li>
              ))}
            </ul>
          )}
        </section>
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
        {backup && (
          <section className="admin-panel" aria-labelledby="sao-luu">
            <h2 id="sao-luu">Sao lưu</h2>
            <p>
              {backup.last
                ? `Lần gần nhất: ${formatDateTime(backup.last.finishedAt ?? backup.last.startedAt)}, ${BACKUP_STATUS_LABELS[backup.last.status].toLowerCase()}` +
                  (backup.last.byteSize !== null ? `, ${formatBytes(backup.last.byteSize)}` : '') +
                  '.'
                : 'Chưa có bản sao lưu nào.'}
              {backup.last?.status === 'FAILED' && backup.lastSuccess
                ? ` Lần thành công gần nhất: ${formatDateTime(backup.lastSuccess.finishedAt!)}.`
                : null}
            </p>
            <p>
              {backup.isEnabled ? `Tự động mỗi ngày lúc ${backup.dailyTime}.` : 'Sao lưu tự động đang tắt.'}{' '}
              <Link href="/quan-tri/sao-luu">Cài đặt sao lưu</Link>
            </p>
          </section>
        )}
        <section className="admin-panel" aria-labelledby="moi-xuat-ban">
          <h2 id="moi-xuat-ban">Mới xuất bản</h2>
          <ArticleRows items={dashboard.recentlyPublished} empty="Chưa có bài nào được xuất bản." />
        </section>
      </div>
    </>
  );
}
