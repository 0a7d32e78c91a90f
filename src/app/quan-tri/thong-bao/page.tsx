import type { Metadata } from 'next';
import { UnreadCount } from '@/components/admin/notification-bell';
import { Pagination } from '@/components/public/pagination';
import { requirePageActor } from '@/server/auth/session';
import { listEmailProblems } from '@/server/notifications/email';
import { listNotifications } from '@/server/notifications/queries';
import { can } from '@/server/permissions';
import { formatDateTime } from '@/lib/dates';
import { parsePageParam } from '@/lib/route-params';
import { markAllReadAction, openNotificationAction } from './actions';
import './thong-bao.css';

export const metadata: Metadata = { title: 'Thông báo' };

type Props = { searchParams: Promise<{ trang?: string | string[] }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requirePageActor('/quan-tri/thong-bao');
  const list = await listNotifications(actor, parsePageParam((await searchParams).trang));
  // Emails that would not go out are the admins' to see and fix (SMTP_URL, the mail server).
  const problems = can(actor, 'user.manage') ? await listEmailProblems() : [];
  return (
    <>
      <h1 className="admin-title">Thông báo</h1>
      <UnreadCount count={list.unread} />
      <p className="admin-lead" role="status">
        {list.unread > 0 ? `${list.unread} thông báo chưa đọc.` : 'Không có thông báo chưa đọc.'}
      </p>
      {list.unread > 0 ? (
        <form action={markAllReadAction} className="notifications__all">
          <button type="submit" className="admin-button">
            Đánh dấu tất cả là đã đọc
          </button>
        </form>
      ) : null}
      {list.items.length === 0 ? <p>Chưa có thông báo nào.</p> : null}
      <ol className="notifications">
        {list.items.map((item) => (
          <li key={item.id} className={`notification${item.isRead ? '' : ' notification--unread'}`}>
            <form action={openNotificationAction}>
              <input type="hidden" name="id" value={item.id} />
              <button type="submit" className="notification__open">
                {item.isRead ? null : <span className="visually-hidden">Chưa đọc: </span>}
                {item.text}
              </button>
            </form>
            {item.excerpt ? <p className="notification__excerpt">{item.excerpt}</p> : null}
            <time dateTime={item.createdAt.toISOString()} className="notification__time">
              {formatDateTime(item.createdAt)}
            </time>
          </li>
        ))}
      </ol>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => `/quan-tri/thong-bao?trang=${page}`} />
      {problems.length > 0 ? (
        <section className="admin-panel email-problems" aria-labelledby="thu-loi">
          <h2 id="thu-loi">Thư thông báo chưa gửi được</h2>
          <p>
            Hệ thống tự thử lại với khoảng chờ tăng dần. Nếu lỗi kéo dài, hãy kiểm tra biến SMTP_URL và máy chủ thư. Thông báo trong trang
            này vẫn đến người nhận.
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.id}>
                <strong>{problem.toAddress}</strong> · {problem.subject} · đã thử {problem.attempts} lần ·{' '}
                {problem.nextAttemptAt ? `thử lại lúc ${formatDateTime(problem.nextAttemptAt)}` : 'đã dừng thử'}
                <p className="notification__excerpt">Lỗi: {problem.lastError}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
