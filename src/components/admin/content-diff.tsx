import type { ArticleContent } from '@/server/articles/editorial-queries';
import { documentText } from '@/content/schema';
import { formatSourceLine } from '@/lib/text';
import { TextDiff } from './text-diff';

// Two states of an article's text, field by field, as word diffs.

type ComparableContent = ArticleContent;

const sourceOf = (value: ComparableContent) =>
  formatSourceLine({ authors: value.sourceAuthors, outlet: value.sourceOutlet, url: value.sourceUrl }) ?? '';

export function ContentDiff({ before, after }: { before: ComparableContent; after: ComparableContent }) {
  return (
    <>
      <TextDiff heading="h2" label="Tiêu đề" before={before.title} after={after.title} />
      <TextDiff heading="h2" label="Sapo" before={before.lead ?? ''} after={after.lead ?? ''} />
      <TextDiff heading="h2" label="Nội dung" before={documentText(before.body)} after={documentText(after.body)} />
      <TextDiff heading="h2" label="Nguồn" before={sourceOf(before)} after={sourceOf(after)} />
    </>
  );
}
