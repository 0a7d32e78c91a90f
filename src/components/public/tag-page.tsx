import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { ArticleList } from '@/components/public/article-list';
import { Pagination } from '@/components/public/pagination';
import { listPublicArticlesByTag } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';
import { parsePageParam, parseSlug } from '@/lib/route-params';

// A tag's articles, one page of them. The page number is part of the path (/chu-de/x/trang/2),
// not the query string, so each page is a cached page of its own (src/server/page-cache).

const load = cache(async (rawSlug: string, rawPage: string | undefined) => {
  const slug = parseSlug(rawSlug);
  return slug ? listPublicArticlesByTag(slug, parsePageParam(rawPage)) : null;
});

export const tagPageHref = (slug: string, page: number) => `/chu-de/${slug}${page > 1 ? `/trang/${page}` : ''}`;

export async function tagPageMetadata(slug: string, page?: string): Promise<Metadata> {
  const result = await load(slug, page);
  if (!result) return { title: 'Không tìm thấy chủ đề' };
  return {
    title: `Chủ đề: ${result.tag.name}`,
    alternates: { canonical: `${getPublicBaseUrl()}${tagPageHref(result.tag.slug, result.page)}` },
  };
}

export async function TagPage({ slug, page }: { slug: string; page?: string }) {
  const result = await load(slug, page);
  if (!result) notFound();
  return (
    <SiteChrome>
      <header className="page-header">
        <p className="page-header__kicker">Chủ đề</p>
        <h1>{result.tag.name}</h1>
        <p className="muted">{result.total} bài viết</p>
      </header>
      <ArticleList items={result.items} />
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(number) => tagPageHref(result.tag.slug, number)} />
    </SiteChrome>
  );
}
