// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import type { ComponentProps, ComponentType } from 'react';
import { Page, Text, View } from '@react-pdf/renderer';
import type { IssueArticleView, IssueView } from '@/server/issues/queries';
import { formatDate } from '@/lib/dates';
import { formatSourceLine } from '@/lib/text';
import { printableText } from './fonts';
import { PdfRichText, type RichTextContext } from './rich-text';
import { styles, text } from './styles';

// NOTE: react-pdf 4.9 reads `bookmark` on any node (that is how the outline nests articles
// under their section), but its typings declare it on Page only; the typesetter's own props
// (`flow`, `colophon`) ride on the laid-out nodes the same way. Remove when the typings allow.
type Bookmark = NonNullable<ComponentProps<typeof Page>['bookmark']>;
export const BookmarkedView = View as ComponentType<ComponentProps<typeof View> & { bookmark: Bookmark }>;
const BookmarkedText = Text as ComponentType<ComponentProps<typeof Text> & { bookmark: Bookmark }>;
const MarkedView = View as ComponentType<ComponentProps<typeof View> & { colophon: true }>;
/** A page of one flow (the cover, or one section), told apart after layout by `flow`. */
export const FlowPage = Page as ComponentType<ComponentProps<typeof Page> & { flow: string }>;

export const articleAnchor = (articleId: number) => `bai-${articleId}`;
/** The article id of an anchor made by articleAnchor, else null. */
export function anchorArticle(id: unknown): number | null {
  const match = typeof id === 'string' ? /^bai-(\d+)$/.exec(id) : null;
  return match ? Number(match[1]) : null;
}

/** A line of printed text: printable, trimmed. */
export const line = (value: string) => printableText(value).trim();

function Article({ article, width, context }: { article: IssueArticleView; width: number; context: RichTextContext }) {
  const title = line(article.title);
  const lead = article.lead ? line(article.lead) : '';
  const source = formatSourceLine(article.source);
  // A fragment, not a View: the header's minPresenceAhead only acts on the siblings that
  // follow it.
  return (
    <>
      {/* Keep-with-next: the title moves to the next column rather than end one. */}
      <View wrap={false} minPresenceAhead={60} style={styles.articleHeader}>
        <BookmarkedText id={articleAnchor(article.id)} bookmark={title} style={text.articleTitle}>
          {title}
        </BookmarkedText>
      </View>
      {lead && (
        <Text orphans={2} widows={2} style={text.lead}>
          {lead}
        </Text>
      )}
      <PdfRichText document={article.body} width={width} context={context} />
      {source && <Text style={text.source}>{line(source)}</Text>}
      <View style={styles.articleEnd} />
    </>
  );
}

/**
 * The colophon the Press Law wants at the bottom of the last page: it ends the last flow,
 * and the typesetter moves it down to the foot of its column.
 */
export function Colophon({ issue }: { issue: IssueView }) {
  const c = issue.publication.colophon;
  const entries = [
    c.licenceNumber && `Giấy phép xuất bản số ${line(c.licenceNumber)}${c.licenceDate ? ` ngày ${formatDate(c.licenceDate)}` : ''}`,
    c.responsiblePerson && `Chịu trách nhiệm xuất bản: ${line(c.responsiblePerson)}`,
    c.printingPlace && `Nơi in: ${line(c.printingPlace)}`,
    c.printRun && `Số lượng in: ${line(c.printRun)}`,
    c.frequencyText && `Kỳ hạn xuất bản: ${line(c.frequencyText)}`,
  ].filter((entry): entry is string => Boolean(entry));
  if (entries.length === 0) return null;
  return (
    <MarkedView colophon wrap={false} style={styles.colophon}>
      {entries.map((entry) => (
        <Text key={entry} style={text.colophon}>
          {entry}
        </Text>
      ))}
    </MarkedView>
  );
}

export type FlowProps = {
  issue: IssueView;
  section: IssueView['sections'][number];
  /** The column's size: the flow is cut into pages of exactly one column. */
  size: [number, number];
  context: RichTextContext;
  isLast: boolean;
};

/** One section's articles as one flow, paginated into column-sized pages. */
export function SectionFlow({ issue, section, size, context, isLast }: FlowProps) {
  return (
    <FlowPage flow={`section-${section.id}`} size={size} style={styles.flowPage} experimentalPagination>
      <BookmarkedView bookmark={{ title: line(section.title), expanded: true }}>
        {section.articles.map((article) => (
          <Article key={article.id} article={article} width={size[0]} context={context} />
        ))}
      </BookmarkedView>
      {isLast && <Colophon issue={issue} />}
    </FlowPage>
  );
}
