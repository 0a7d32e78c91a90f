'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

type NavLink = { href: string; label: string };

// A client component only to mark the current page (aria-current) from the path.
export function AdminNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Điều hướng quản trị" className="admin-nav">
      <ul className="admin-nav__list">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="admin-nav__link" aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
