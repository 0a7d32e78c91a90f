import type { Metadata } from 'next';
import { TagPage, tagPageMetadata } from '@/components/public/tag-page';

type Props = { params: Promise<{ slug: string }> };

// Rendered on its first request, then served from the page cache until a change (src/server/page-cache).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagPageMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <TagPage slug={(await params).slug} />;
}
