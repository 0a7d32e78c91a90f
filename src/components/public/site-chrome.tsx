import Link from 'next/link';
import type { ReactNode } from 'react';
import { getSiteIdentity } from '@/server/publication/queries';

/** Header, skip link and footer of every public page, named from the publication settings. */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const site = await getSiteIdentity();
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            <span className="site-header__kicker">{site?.agencyName ?? 'Bản tin'}</span>
            <span className="site-header__name">{site?.mastheadTitle ?? 'Bản tin cải cách hành chính'}</span>
          </Link>
          <nav aria-label="Điều hướng chính" className="site-header__nav">
            <Link href="/ban-tin">Các số bản tin</Link>
            <a href="/rss.xml">RSS</a>
          </nav>
          <form className="site-search" action="/tim-kiem" method="get" role="search">
            <label htmlFor="o-tim-kiem" className="visually-hidden">
              Tìm kiếm
            </label>
            <input id="o-tim-kiem" type="search" name="q" placeholder="Tìm bài viết…" maxLength={200} />
            <button type="submit" className="site-search__button">
              Tìm
            </button>
          </form>
        </div>
      </header>
      <main id="noi-dung" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{site?.creditLine}</p>
        <p>{site?.agencyName}</p>
      </footer>
    </>
  );
}
