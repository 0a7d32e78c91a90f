import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/admin/notification-bell';
import { getActor } from '@/server/auth/session';
import { countUnread } from '@/server/notifications/queries';
import { can, ROLE_LABELS } from '@/server/permissions';
import { AdminNav } from './admin-nav';
import { SignOutButton } from './sign-out-button';
import './admin.css';
import './notification-bell.css';

export const metadata: Metadata = {
  title: { default: 'Quản trị', template: '%s · Quản trị Bản tin CCHC' },
  robots: { index: false, follow: false },
};

// The shell of the editorial area. It turns signed-out visitors away, but pages still check
// the actor themselves (requirePageActor): a layout is not re-rendered on client navigation.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  // A layout does not know the requested path, so signing in leads back to the dashboard.
  if (!actor) redirect('/dang-nhap?callbackUrl=%2Fquan-tri');

  const links = [
    { href: '/quan-tri/bai-viet/moi', label: 'Bài viết mới' },
    { href: '/quan-tri/ban-tin/moi', label: 'Số mới' },
    { href: '/quan-tri/bai-viet', label: 'Bài viết' },
    { href: '/quan-tri/ban-tin', label: 'Số bản tin' },
    { href: '/quan-tri/lich', label: 'Lịch' },
    ...(can(actor, 'user.manage') ? [{ href: '/quan-tri/nguoi-dung', label: 'Người dùng' }] : []),
    ...(can(actor, 'publication.manage') ? [{ href: '/quan-tri/cai-dat', label: 'Cài đặt' }] : []),
    ...(can(actor, 'system.manage') ? [{ href: '/quan-tri/sao-luu', label: 'Sao lưu' }] : []),
  ];

  const unread = await countUnread(actor);

  return (
    <div className="admin">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="admin-header">
        <div className="admin-header__inner">
          <Link href="/quan-tri" className="admin-header__brand">
            <span className="admin-header__kicker">Bản tin CCHC</span>
            <span className="admin-header__name">Quản trị nội dung</span>
          </Link>
          <div className="admin-header__user">
            <NotificationBell initialUnread={unread} />
            <span className="admin-header__who">
              <span className="admin-header__person">{actor.name}</span>
              <span className="admin-header__role">{ROLE_LABELS[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
        <AdminNav links={links} />
      </header>
      <main id="noi-dung" tabIndex={-1} className="admin-main">
        {children}
      </main>
    </div>
  );
}
