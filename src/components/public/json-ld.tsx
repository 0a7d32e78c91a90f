import { serializeJsonLd } from '@/lib/json-ld';

/** Structured data for search engines; the only inline HTML we emit, escaped by serializeJsonLd. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
