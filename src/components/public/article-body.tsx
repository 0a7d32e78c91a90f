import Link from 'next/link';
import { RichText, type MediaDimensions } from '@/content/web-renderer';
import type { RichDocument } from '@/content/schema';
import { formatDate } from '@/lib/dates';
import { formatIssueNumber, formatSourceLine, type ArticleSource } from '@/lib/text';

export type ArticleBodyData = {
  title: string;
  lead: string | null;
  body: RichDocument;
  media: MediaDimensions;
  source: ArticleSource;
  tags: { name: string; slug: string }[];
  issue: { year: number; number: number } | null;
  section: string | null;
  publishAt: Date | null;
};

/** One article as the public reads it; the editors' preview renders the same markup. */
export function ArticleBody({ article }: { article: ArticleBodyData }) {
  const sourceLine = formatSourceLine(article.source);
  return (
    <article className="article-page" aria-labelledby="tieu-de-bai">
      <header className="article-page__header">
        <p className="article-page__kicker">
          {article.issue && (
            <Link href={`/ban-tin/${article.issue.year}/${article.issue.number}`}>
              Số {formatIssueNumber(article.issue.number)}/{article.issue.year}
            </Link>
          )}
          {article.section && <span> · {article.section}</span>}
        </p>
        <h1 id="tieu-de-bai">{article.title}</h1>
        {article.publishAt && (
          <p className="article-page__date">
            <time dateTime={article.publishAt.toISOString()}>{formatDate(article.publishAt)}</time>
          </p>
        )}
      </header>
      {article.lead && <p className="lead">{article.lead}</p>}
      <div className="prose">
        <RichText document={article.body} media={article.media} headingLevel={2} />
      </div>
      {sourceLine && <p className="source-line">{sourceLine}</p>}
      {article.tags.length > 0 && (
        <nav className="tag-list" aria-label="Chủ đề">
          <span className="tag-list__label">Chủ đề:</span>
          <ul>
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link href={`/chu-de/${tag.slug}`}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
