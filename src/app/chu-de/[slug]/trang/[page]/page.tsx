import type { Metadata } from 'next';
import { TagPage, tagPageMetadata } from '@/components/public/tag-page';

type Props = { params: Promise<{ slug: string; page: string }> };

// Rendered on its first request, then served from the page cache until a change (src/server/page-cache).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return tagPageMetadata(slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <TagPage slug={slug} page={page} />;
}
