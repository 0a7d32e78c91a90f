import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { SEARCH_PAGE_SIZE, listSearchFilters, searchArticles, type ExcerptPart, type SearchResults } from '@/server/search/queries';
import { formatDate } from '@/lib/dates';
import { formatCount, formatIssueNumber } from '@/lib/text';
import './search.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Tìm kiếm', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A repeated parameter (?q=a&q=b) counts by its first value.
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function pageHref(results: SearchResults, page: number): string {
  const params = new URLSearchParams({ q: results.query });
  if (results.year !== null) params.set('nam', String(results.year));
  if (results.tagSlug !== null) params.set('chu-de', results.tagSlug);
  params.set('page', String(page));
  return `/tim-kiem?${params}`;
}

function Excerpt({ parts }: { parts: ExcerptPart[] }) {
  return (
    <p className="search-result__excerpt">
      {parts.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}
    </p>
  );
}

/** Works as a plain GET form: no client JavaScript is needed to search, filter or page. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const [results, filters] = await Promise.all([
    searchArticles({ query: first(params.q), year: first(params.nam), tagSlug: first(params['chu-de']), page: first(params.page) }),
    listSearchFilters(),
  ]);
  const firstNumber = (results.page - 1) * SEARCH_PAGE_SIZE + 1;

  return (
    <SiteChrome>
      <div className="search-page">
        <h1 className="search-page__title">Tìm kiếm</h1>
        <form role="search" action="/tim-kiem" method="get" className="search-form">
          <div className="search-form__field search-form__field--query">
            <label htmlFor="tim-kiem-q">Tìm kiếm</label>
            <input id="tim-kiem-q" type="search" name="q" defaultValue={results.query} maxLength={200} />
          </div>
          <div className="search-form__field">
            <label htmlFor="tim-kiem-nam">Năm</label>
            <select id="tim-kiem-nam" name="nam" defaultValue={results.year === null ? '' : String(results.year)}>
              <option value="">Tất cả các năm</option>
              {filters.years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__field">
            <label htmlFor="tim-kiem-chu-de">Chủ đề</label>
            <select id="tim-kiem-chu-de" name="chu-de" defaultValue={results.tagSlug ?? ''}>
              <option value="">Tất cả chủ đề</option>
              {filters.tags.map((tag) => (
                <option key={tag.slug} value={tag.slug}>
                  {tag.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary search-form__submit">
            Tìm
          </button>
        </form>

        {!results.query ? (
          <p className="empty-state">Nhập từ khoá để tìm kiếm.</p>
        ) : results.total === 0 ? (
          <p className="empty-state">Không tìm thấy kết quả nào cho “{results.query}”.</p>
        ) : (
          <section aria-labelledby="ket-qua">
            <h2 id="ket-qua" className="search-summary">
              Tìm thấy {results.isTotalCapped ? 'hơn ' : ''}
              {formatCount(results.total)} kết quả
            </h2>
            <ol className="search-results" start={firstNumber}>
              {results.items.map((item) => (
                <li key={item.slug} className="search-result">
                  <h3 className="search-result__title">
                    <Link href={`/bai-viet/${item.slug}`}>{item.title}</Link>
                  </h3>
                  <p className="search-result__meta">
                    {item.issue && (
                      <Link href={`/ban-tin/${item.issue.year}/${item.issue.number}`}>
                        Số {formatIssueNumber(item.issue.number)}/{item.issue.year}
                      </Link>
                    )}
                    {item.publishAt && <time dateTime={item.publishAt.toISOString()}>{formatDate(item.publishAt)}</time>}
                  </p>
                  {item.excerptParts.length > 0 && <Excerpt parts={item.excerptParts} />}
                </li>
              ))}
            </ol>
            {results.pageCount > 1 && (
              <nav className="pagination" aria-label="Phân trang kết quả tìm kiếm">
                {results.page > 1 && (
                  <Link href={pageHref(results, results.page - 1)} rel="prev" aria-label={`Trang trước (trang ${results.page - 1})`}>
                    Trang trước
                  </Link>
                )}
                <span className="pagination__current">
                  Trang {results.page}/{results.pageCount}
                </span>
                {results.page < results.pageCount && (
                  <Link href={pageHref(results, results.page + 1)} rel="next" aria-label={`Trang sau (trang ${results.page + 1})`}>
                    Trang sau
                  </Link>
                )}
              </nav>
            )}
          </section>
        )}
      </div>
    </SiteChrome>
  );
}
