// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import { Fragment, type ComponentProps, type ComponentType } from 'react';
import { Image, Link, Text, View } from '@react-pdf/renderer';
import type { IssueView } from '@/server/issues/queries';
import { formatPeriod } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { articleAnchor, Colophon, FlowPage, line } from './document';
import type { RichTextContext } from './rich-text';
import { styles, text } from './styles';

/** A title of the contents, found after layout by `tocEntry` (its article id). */
const EntryTitle = Text as ComponentType<ComponentProps<typeof Text> & { tocEntry: number }>;

function Masthead({ issue, context }: { issue: IssueView; context: RichTextContext }) {
  const { publication } = issue;
  const logo = publication.logoMediaId ? context.images.get(publication.logoMediaId) : undefined;
  const masthead = line(publication.mastheadTitle);
  const agency = line(publication.agencyName);
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
        <Text style={text.creditLabel}>{line(publication.creditLabel).toLocaleUpperCase('vi')}</Text>
        <Text style={text.creditLine}>{line(publication.creditLine)}</Text>
      </View>
    </View>
  );
}

export type Contents = {
  /** Article id → the page it starts on; null while the pages are not known yet. */
  pages: ReadonlyMap<number, number> | null;
  /** Article id → width of the last line of its title, from the previous layout. */
  lastLines: ReadonlyMap<number, number>;
};

function TableOfContents({ issue, width, contents }: { issue: IssueView; width: number; contents: Contents }) {
  const sections = issue.sections.filter((section) => section.articles.length > 0);
  // A text in a row does not shrink below its one-line width: the title gets what the number
  // and the page number leave.
  const titleWidth = width - styles.tocNumber.width - styles.tocPage.width;
  // Every page number sits in a fixed-width box, so the layout with placeholders ('00') and
  // the one with the real numbers are the same. The dot leader runs from the end of the
  // title's last line to the number, so a title that wraps keeps its number on its last line.
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
            {line(section.title).toLocaleUpperCase('vi')}
          </Text>
          {section.articles.map((article) => {
            const lastLine = contents.lastLines.get(article.id);
            return (
              <Link key={article.id} wrap={false} src={`#${articleAnchor(article.id)}`} style={styles.tocEntry}>
                <Text style={styles.tocNumber}>{article.tocNumber}.</Text>
                <View style={{ width: titleWidth }}>
                  <EntryTitle tocEntry={article.id} style={styles.tocText}>
                    {line(article.title)}
                  </EntryTitle>
                  {lastLine !== undefined && <View style={[styles.tocLeader, { left: lastLine + 4 }]} />}
                </View>
                <Text style={styles.tocPage}>{contents.pages ? String(contents.pages.get(article.id) ?? '') : '00'}</Text>
              </Link>
            );
          })}
        </Fragment>
      ))}
    </View>
  );
}

/** Page 1 (and what the contents need after it): masthead, number, period, credit, contents. */
export function CoverFlow({
  issue,
  size,
  context,
  contents,
}: {
  issue: IssueView;
  size: [number, number];
  context: RichTextContext;
  contents: Contents;
}) {
  const hasArticles = issue.sections.some((section) => section.articles.length > 0);
  return (
    <FlowPage flow="cover" size={size} style={styles.flowPage} experimentalPagination>
      <Masthead issue={issue} context={context} />
      <TableOfContents issue={issue} width={size[0]} contents={contents} />
      {!hasArticles && <Colophon issue={issue} />}
    </FlowPage>
  );
}
