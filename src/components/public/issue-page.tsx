import Link from 'next/link';
import { RichText } from '@/content/web-renderer';
import type { IssueView } from '@/server/issues/queries';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber, formatSourceLine } from '@/lib/text';

const articleAnchor = (slug: string) => `bai-${slug}`;

/** One whole issue: masthead, numbered table of contents, sections and full articles. */
export function IssuePage({ issue }: { issue: IssueView }) {
  const { publication } = issue;
  const number = formatIssueNumber(issue.number);
  const logo = publication.logoMediaId ? issue.media.get(publication.logoMediaId) : undefined;
  return (
    <article className="issue">
      <header className="masthead" id="dau-trang">
        {logo && (
          // eslint-disable-next-line @next/next/no-img-element -- served by our media route, not /_next/image
          <img
            className="masthead__logo"
            src={`/media/${logo.id}/web`}
            width={logo.width}
            height={logo.height}
            alt={publication.agencyName}
          />
        )}
        <p className="masthead__title">{publication.mastheadTitle}</p>
        <div className="masthead__row">
          <h1 className="masthead__number">
            <span className="masthead__number-label">Số</span> {number}
            <span className="visually-hidden"> năm {issue.year}</span>
          </h1>
          <p className="masthead__period">
            <span>{formatPeriod(issue.periodStart, issue.periodEnd)}</span>
          </p>
        </div>
        <p className="masthead__credit">
          <span className="masthead__credit-label">{publication.creditLabel}</span>
          <span>{publication.creditLine}</span>
        </p>
        <p className="masthead__actions">
          <a className="button button--primary" href={`/ban-tin/${issue.year}/${issue.number}/pdf`} download>
            Tải bản PDF
          </a>
        </p>
      </header>

      <nav className="toc" aria-labelledby="muc-luc">
        <h2 id="muc-luc" className="toc__title">
          Mục lục
        </h2>
        {issue.sections.map((section) =>
          section.articles.length ? (
            <div key={section.id} className="toc__section">
              <h3 className="toc__section-title">{section.title}</h3>
              <ol className="toc__list" start={section.articles[0]!.tocNumber}>
                {section.articles.map((article) => (
                  <li key={article.id}>
                    <a href={`#${articleAnchor(article.slug)}`}>{article.title}</a>
                  </li>
                ))}
              </ol>
            </div>
          ) : null,
        )}
      </nav>

      {issue.sections.map((section) => (
        <section key={section.id} className="issue-section" aria-labelledby={`chuyen-muc-${section.id}`}>
          <h2 id={`chuyen-muc-${section.id}`} className="section-banner">
            {section.title}
          </h2>
          {section.articles.length === 0 && <p className="muted">Chuyên mục này chưa có bài viết.</p>}
          {section.articles.map((article) => {
            const sourceLine = formatSourceLine(article.source);
            return (
              <article
                key={article.id}
                id={articleAnchor(article.slug)}
                className="issue-article"
                aria-labelledby={`tieu-de-${article.id}`}
              >
                <h3 id={`tieu-de-${article.id}`} className="issue-article__title">
                  <span className="issue-article__number">{article.tocNumber}.</span>{' '}
                  <Link href={`/bai-viet/${article.slug}`}>{article.title}</Link>
                </h3>
                {article.lead && <p className="lead">{article.lead}</p>}
                <div className="prose">
                  <RichText document={article.body} media={issue.media} headingLevel={4} />
                </div>
                {sourceLine && <p className="source-line">{sourceLine}</p>}
                <p className="back-to-top">
                  <a href="#dau-trang">Về đầu trang</a>
                </p>
              </article>
            );
          })}
        </section>
      ))}
    </article>
  );
}
