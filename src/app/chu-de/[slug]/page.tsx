import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SiteChrome } from '@/components/public/site-chrome';
import { ArticleList } from '@/components/public/article-list';
import { Pagination } from '@/components/public/pagination';
import { listPublicArticlesByTag } from '@/server/articles/queries';
import { getPublicBaseUrl } from '@/server/env';
import { parsePageParam, parseSlug } from '@/lib/route-params';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ trang?: string | string[] }> };

const load = cache(async (rawSlug: string, page: number) => {
  const slug = parseSlug(rawSlug);
  return slug ? listPublicArticlesByTag(slug, page) : null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const result = await load((await params).slug, parsePageParam((await searchParams).trang));
  if (!result) return { title: 'Không tìm thấy chủ đề' };
  return {
    title: `Chủ đề: ${result.tag.name}`,
    alternates: { canonical: `${getPublicBaseUrl()}/chu-de/${result.tag.slug}${result.page > 1 ? `?trang=${result.page}` : ''}` },
  };
}

export default async function TagPage({ params, searchParams }: Props) {
  const result = await load((await params).slug, parsePageParam((await searchParams).trang));
  if (!result) notFound();
  return (
    <SiteChrome>
      <header className="page-header">
        <p className="page-header__kicker">Chủ đề</p>
        <h1>{result.tag.name}</h1>
        <p className="muted">{result.total} bài viết</p>
      </header>
      <ArticleList items={result.items} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `/chu-de/${result.tag.slug}${page > 1 ? `?trang=${page}` : ''}`}
      />
    </SiteChrome>
  );
}
