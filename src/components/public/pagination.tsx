import Link from 'next/link';

/** "Trang trước · Trang X/Y · Trang sau" as plain links, usable without JavaScript. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          Trang trước
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span>
        Trang {page}/{pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Trang sau
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
