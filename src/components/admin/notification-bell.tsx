'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

// The bell in the header: a link to "Thông báo" whose name says how many are unread. The count
// comes with the page and is asked for again on navigation, on coming back to the tab, and
// every minute; a page that knows the count (the list, after marking read) tells it at once.

const REFRESH_MS = 60_000;

const UNREAD_EVENT = 'ban-tin:chua-doc';

/** Rendered by a page that knows the unread count: the header's bell shows it at once. */
export function UnreadCount({ count }: { count: number }) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: count }));
  }, [count]);
  return null;
}

export const bellLabel = (unread: number) => (unread > 0 ? `Thông báo (${unread} chưa đọc)` : 'Thông báo (không có thông báo mới)');

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      fetch('/quan-tri/api/thong-bao', { cache: 'no-store' })
        .then((response) => (response.ok ? (response.json() as Promise<{ unread: number }>) : null))
        .then((body) => {
          if (alive && body) setUnread(body.unread);
        })
        .catch(() => undefined);
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const onCount = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener(UNREAD_EVENT, onCount);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener(UNREAD_EVENT, onCount);
    };
  }, [pathname]);
  return (
    <Link href="/quan-tri/thong-bao" className="notification-bell" aria-label={bellLabel(unread)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
