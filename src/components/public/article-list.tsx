import Link from 'next/link';
import type { ArticleSummary } from '@/server/articles/queries';
import { formatDate } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';

export function ArticleList({ items, headingLevel = 2 }: { items: ArticleSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="article-list">
      {items.map((article) => (
        <li key={article.slug} className="article-list__item">
          <Heading className="article-list__title">
            <Link href={`/bai-viet/${article.slug}`}>{article.title}</Link>
          </Heading>
          <p className="article-list__meta">
            {article.issue && (
              <Link href={`/ban-tin/${article.issue.year}/${article.issue.number}`}>
                Số {formatIssueNumber(article.issue.number)}/{article.issue.year}
              </Link>
            )}
            {article.issue && article.publishAt ? ' · ' : null}
            {article.publishAt && <time dateTime={article.publishAt.toISOString()}>{formatDate(article.publishAt)}</time>}
          </p>
          {article.lead && <p className="article-list__lead">{article.lead}</p>}
        </li>
      ))}
    </ul>
  );
}
