// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import { Page, Text, View } from '@react-pdf/renderer';
import type { IssueView } from '@/server/issues/queries';
import { formatIssueNumber } from '@/lib/text';
import { line } from './document';
import type { PageGeometry } from './geometry';
import { styles, text } from './styles';

/** What a printed page shows around its columns. */
export type PageFrame = { kind: 'cover' } | { kind: 'section'; title: string; isFirst: boolean };

export const PREVIEW_MARK = 'BẢN XEM TRƯỚC';

function Band({ frame, geometry, label }: { frame: Extract<PageFrame, { kind: 'section' }>; geometry: PageGeometry; label: string }) {
  const place = { top: geometry.margin.top, left: geometry.margin.side, width: geometry.contentWidth, height: geometry.bandHeight - 10 };
  // A section opens with its banner; the pages after it carry a running head.
  return frame.isFirst ? (
    <View style={[styles.band, styles.banner, place]}>
      <Text style={text.banner}>{frame.title.toLocaleUpperCase('vi')}</Text>
    </View>
  ) : (
    <View style={[styles.band, place, { justifyContent: 'flex-end' }]}>
      <View style={styles.runningHead}>
        <Text style={styles.runningHeadText}>{frame.title.toLocaleUpperCase('vi')}</Text>
        <Text style={styles.runningHeadText}>{label}</Text>
      </View>
    </View>
  );
}

/**
 * The page's first child, drawn before the columns: the preview watermark (under the text)
 * and the band, so the section's name comes before its articles in the reading order.
 */
function Before({ geometry, frame, label, preview }: { geometry: PageGeometry; frame: PageFrame; label: string; preview: boolean }) {
  return (
    <View style={[styles.fill, { width: geometry.size[0], height: geometry.size[1] }]}>
      {preview && (
        <View style={[styles.watermark, { top: 0, left: 0, width: geometry.size[0], height: geometry.size[1] }]}>
          <Text style={styles.watermarkText}>{PREVIEW_MARK}</Text>
        </View>
      )}
      {frame.kind === 'section' && <Band frame={frame} geometry={geometry} label={label} />}
    </View>
  );
}

export type ChromeProps = {
  issue: IssueView;
  geometry: PageGeometry;
  frame: PageFrame;
  pageNumber: number;
  pageCount: number;
  preview: boolean;
};

/**
 * The chrome of one printed page, laid out on its own: the typesetter puts the columns
 * between its first child and the rest (footer, preview label).
 */
export function ChromePage({ issue, geometry, frame, pageNumber, pageCount, preview }: ChromeProps) {
  const label = `Số ${formatIssueNumber(issue.number)}/${issue.year}`;
  const { margin } = geometry;
  // No lineHeight in the chrome: see the NOTE in styles.ts.
  return (
    // Not wrapped, so laid out once; every child is placed from the top left, as the page
    // has no height of its own until the typesetter gives it the full size.
    <Page size={geometry.size} wrap={false} style={styles.chromePage}>
      <Before geometry={geometry} frame={frame} label={label} preview={preview} />
      <View style={[styles.footer, { top: geometry.size[1] - margin.bottom / 2 - 6, left: margin.side, width: geometry.contentWidth }]}>
        <Text style={styles.footerText}>{`${line(issue.publication.mastheadTitle)} · ${label}`}</Text>
        <Text style={styles.footerPage}>{`${pageNumber}/${pageCount}`}</Text>
      </View>
      {preview && (
        <Text style={[styles.previewLabel, { top: margin.top / 2 - 5, right: margin.side }]}>{`${PREVIEW_MARK} · CHƯA XUẤT BẢN`}</Text>
      )}
    </Page>
  );
}
