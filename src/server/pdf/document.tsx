import 'server-only';
import { Fragment, type ComponentProps, type ComponentType } from 'react';
import { Document, Image, Link, Page, Text, View } from '@react-pdf/renderer';
import type { IssueArticleView, IssueView } from '@/server/issues/queries';
import { formatDate, formatPeriod } from '@/lib/dates';
import { cleanText, formatIssueNumber, formatSourceLine } from '@/lib/text';
import { PdfRichText, type RichTextContext } from './rich-text';
import { pageGeometry, styles, text, type PageGeometry } from './styles';

export type IssueDocumentProps = {
  issue: IssueView;
  context: RichTextContext;
  /** Where each article starts (article id → page), from the previous pass; null on the first. */
  startPages: ReadonlyMap<number, number> | null;
  /** Called with the page each article title lands on, during layout. */
  onArticlePage: (articleId: number, pageNumber: number) => void;
  creationDate: Date;
};

// NOTE: react-pdf 4.9 reads `bookmark` on any node (that is how the outline nests articles
// under their section), but its typings declare it on Page only. Remove when they do.
type Bookmark = NonNullable<ComponentProps<typeof Page>['bookmark']>;
const BookmarkedView = View as ComponentType<ComponentProps<typeof View> & { bookmark: Bookmark }>;
const BookmarkedText = Text as ComponentType<ComponentProps<typeof Text> & { bookmark: Bookmark }>;

const articleAnchor = (articleId: number) => `bai-${articleId}`;

function issueTitle(issue: IssueView): string {
  return `${cleanText(issue.publication.mastheadTitle)} - Số ${formatIssueNumber(issue.number)} (${formatPeriod(issue.periodStart, issue.periodEnd)})`;
}

/** A line of printed text: printable, trimmed. */
const line = (context: RichTextContext, value: string) => context.print(value).trim();

function Footer({ issue, geometry, context }: { issue: IssueView; geometry: PageGeometry; context: RichTextContext }) {
  // No lineHeight here or on any parent: see the NOTE in styles.ts.
  return (
    // Midway down the bottom margin, across the text column.
    <View
      fixed
      style={[styles.footer, { bottom: geometry.margin.bottom / 2 - 8, left: geometry.margin.side, right: geometry.margin.side }]}
    >
      <Text style={styles.footerText}>
        {`${line(context, issue.publication.mastheadTitle)} · Số ${formatIssueNumber(issue.number)}/${issue.year}`}
      </Text>
      <Text style={styles.footerPage} render={({ pageNumber, totalPages }) => `${pageNumber}/${totalPages}`} />
    </View>
  );
}

function Masthead({ issue, context }: { issue: IssueView; context: RichTextContext }) {
  const { publication } = issue;
  const logo = publication.logoMediaId ? context.images.get(publication.logoMediaId) : undefined;
  const masthead = line(context, publication.mastheadTitle);
  const agency = line(context, publication.agencyName);
  return (
    <View>
      <View style={styles.mastheadRow}>
        {logo && (
          // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image, not an HTML img: it has no alt
          <Image src={{ data: logo, format: 'jpg' }} style={styles.logo} />
        )}
        <View style={styles.mastheadText}>
          <Text style={text.kicker}>BẢN TIN</Text>
          <Text style={text.masthead}>{masthead}</Text>
          {/* The Press Law wants the agency on page 1; most mastheads already name it. */}
          {!masthead.toLocaleLowerCase('vi').includes(agency.toLocaleLowerCase('vi')) && <Text style={text.agency}>{agency}</Text>}
        </View>
      </View>
      <View style={styles.issueRow}>
        <View style={styles.issueBox}>
          <Text style={text.issueNumber}>SỐ {formatIssueNumber(issue.number)}</Text>
        </View>
        <View style={styles.issueDates}>
          <Text style={text.period}>{formatPeriod(issue.periodStart, issue.periodEnd)}</Text>
          <Text style={text.year}>{issue.year}</Text>
        </View>
      </View>
      <View style={styles.creditBlock}>
        <Text style={text.creditLabel}>{line(context, publication.creditLabel).toLocaleUpperCase('vi')}</Text>
        <Text style={text.creditLine}>{line(context, publication.creditLine)}</Text>
      </View>
    </View>
  );
}

function TableOfContents({
  issue,
  geometry,
  context,
  startPages,
}: {
  issue: IssueView;
  geometry: PageGeometry;
  context: RichTextContext;
  startPages: IssueDocumentProps['startPages'];
}) {
  const sections = issue.sections.filter((section) => section.articles.length > 0);
  // A text in a row does not shrink below its one-line width: cap it, so a long title wraps
  // and leaves room for the leader and the page number.
  const leader = styles.tocLeader.minWidth + 2 * styles.tocLeader.marginHorizontal;
  const titleWidth = geometry.contentWidth - styles.tocNumber.width - leader - styles.tocPage.width;
  // No lineHeight in the contents: see the NOTE in styles.ts. The page number sits in a
  // fixed-width box, so the first pass ('00') and the second lay out identically.
  return (
    <View>
      <View style={styles.tocTitle}>
        <Text style={styles.tocHeading}>MỤC LỤC</Text>
      </View>
      {sections.length === 0 && <Text style={styles.tocEmpty}>Số này chưa có bài viết.</Text>}
      {/* Fragments, not Views: minPresenceAhead keeps a section title with its first entries
          only among siblings. */}
      {sections.map((section) => (
        <Fragment key={section.id}>
          <Text minPresenceAhead={30} style={styles.tocSection}>
            {line(context, section.title).toLocaleUpperCase('vi')}
          </Text>
          {section.articles.map((article) => (
            <Link key={article.id} wrap={false} src={`#${articleAnchor(article.id)}`} style={styles.tocEntry}>
              <Text style={styles.tocNumber}>{article.tocNumber}.</Text>
              <Text style={[styles.tocText, { maxWidth: titleWidth }]}>{line(context, article.title)}</Text>
              <View style={styles.tocLeader} />
              <Text style={styles.tocPage}>{startPages ? String(startPages.get(article.id) ?? '') : '00'}</Text>
            </Link>
          ))}
        </Fragment>
      ))}
    </View>
  );
}

function Article({
  article,
  geometry,
  context,
  onArticlePage,
}: {
  article: IssueArticleView;
  geometry: PageGeometry;
  context: RichTextContext;
  onArticlePage: IssueDocumentProps['onArticlePage'];
}) {
  const title = line(context, article.title);
  const lead = article.lead ? line(context, article.lead) : '';
  const source = formatSourceLine(article.source);
  // A fragment, not a View: the header's minPresenceAhead only acts on siblings that follow
  // it, and react-pdf ignores it for the first child of a container.
  return (
    <>
      {/* Unsplittable: the recorder and the title always share a page. */}
      <View wrap={false} minPresenceAhead={60} style={styles.articleHeader}>
        <View
          render={({ pageNumber }) => {
            onArticlePage(article.id, pageNumber);
            return null;
          }}
        />
        <BookmarkedText id={articleAnchor(article.id)} bookmark={title} style={text.articleTitle}>
          {title}
        </BookmarkedText>
      </View>
      {lead && <Text style={text.lead}>{lead}</Text>}
      <PdfRichText document={article.body} width={geometry.contentWidth} context={context} />
      {source && <Text style={text.source}>{line(context, source)}</Text>}
      <View style={styles.articleEnd} />
    </>
  );
}

function Colophon({ issue, context }: { issue: IssueView; context: RichTextContext }) {
  const c = issue.publication.colophon;
  const entries = [
    c.licenceNumber &&
      `Giấy phép xuất bản số ${line(context, c.licenceNumber)}${c.licenceDate ? ` ngày ${formatDate(c.licenceDate)}` : ''}`,
    c.responsiblePerson && `Chịu trách nhiệm xuất bản: ${line(context, c.responsiblePerson)}`,
    c.printingPlace && `Nơi in: ${line(context, c.printingPlace)}`,
    c.printRun && `Số lượng in: ${line(context, c.printRun)}`,
    c.frequencyText && `Kỳ hạn xuất bản: ${line(context, c.frequencyText)}`,
  ].filter((entry): entry is string => Boolean(entry));
  if (entries.length === 0) return null;
  return (
    <View wrap={false} style={styles.colophon}>
      {entries.map((entry) => (
        <Text key={entry} style={text.colophon}>
          {entry}
        </Text>
      ))}
    </View>
  );
}

/** The whole issue: page 1 with masthead and contents, then one page run per section. */
export function IssueDocument({ issue, context, startPages, onArticlePage, creationDate }: IssueDocumentProps) {
  const geometry = pageGeometry(issue.publication.pageSize);
  const pageStyle = [
    styles.page,
    { paddingTop: geometry.margin.top, paddingBottom: geometry.margin.bottom, paddingHorizontal: geometry.margin.side },
  ];
  const sections = issue.sections.filter((section) => section.articles.length > 0);
  const title = issueTitle(issue);
  return (
    <Document
      title={title}
      author={cleanText(issue.publication.agencyName)}
      subject={`Số ${formatIssueNumber(issue.number)} năm ${issue.year}, kỳ ${formatPeriod(issue.periodStart, issue.periodEnd)}`}
      language="vi"
      creator="Bản tin CCHC"
      creationDate={creationDate}
      pageMode="useOutlines"
    >
      <Page size={geometry.size} style={pageStyle}>
        <Footer issue={issue} geometry={geometry} context={context} />
        <Masthead issue={issue} context={context} />
        <TableOfContents issue={issue} geometry={geometry} context={context} startPages={startPages} />
        {sections.length === 0 && <Colophon issue={issue} context={context} />}
      </Page>
      {/* One Page per section: each starts on a new page, and pagination stays fast. */}
      {sections.map((section, index) => {
        const sectionTitle = line(context, section.title);
        return (
          <Page key={section.id} size={geometry.size} style={pageStyle}>
            <Footer issue={issue} geometry={geometry} context={context} />
            <BookmarkedView bookmark={{ title: sectionTitle, expanded: true }}>
              <View style={styles.banner}>
                <Text style={text.banner}>{sectionTitle.toLocaleUpperCase('vi')}</Text>
              </View>
              {section.articles.map((article) => (
                <Article key={article.id} article={article} geometry={geometry} context={context} onArticlePage={onArticlePage} />
              ))}
            </BookmarkedView>
            {index === sections.length - 1 && <Colophon issue={issue} context={context} />}
          </Page>
        );
      })}
    </Document>
  );
}
