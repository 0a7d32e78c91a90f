// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import { StyleSheet } from '@react-pdf/renderer';
import { BODY_FONT, HEADING_FONT } from './fonts';

// NOTE: react-pdf 4.9 resolves a lineHeight again at every page split and multiplies the
// already-resolved value by the font size (diegomura/react-pdf#3452, #3277; fix in open PR
// #3498), so `render`/`fixed` nodes drift until pdfkit throws "unsupported number". Until that
// fix ships: lineHeight only in the `text` styles below (leaf texts), always next to its
// fontSize; never on a Page, a View, the footer or the table of contents.

export const colors = {
  ink: '#1b1b1b',
  muted: '#555555',
  accent: '#9b1c1c',
  rule: '#c9c9c9',
  tint: '#f4ecec',
  link: '#1d4e89',
};

const BODY_SIZE = 10.5;

/** Leaf text styles: the only place lineHeight is set, always with its fontSize. */
export const text = StyleSheet.create({
  paragraph: { fontSize: BODY_SIZE, lineHeight: 1.5, textAlign: 'justify', marginBottom: 5 },
  quote: { fontSize: BODY_SIZE, lineHeight: 1.5, fontStyle: 'italic', marginBottom: 4 },
  cell: { fontSize: 8.5, lineHeight: 1.3 },
  lead: { fontSize: 11, lineHeight: 1.45, fontWeight: 700, textAlign: 'justify', marginBottom: 7 },
  articleTitle: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 15, lineHeight: 1.3, color: colors.accent },
  heading2: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 12, lineHeight: 1.35, marginTop: 6, marginBottom: 4 },
  heading3: { fontSize: 11, lineHeight: 1.4, fontWeight: 700, fontStyle: 'italic', marginTop: 4, marginBottom: 3 },
  caption: { fontSize: 8.5, lineHeight: 1.35, fontStyle: 'italic', textAlign: 'center', color: colors.muted, marginTop: 4 },
  source: { fontSize: 9.5, lineHeight: 1.4, fontStyle: 'italic', textAlign: 'right', marginTop: 2 },
  missingImage: { fontSize: 9, lineHeight: 1.3, color: colors.muted },
  banner: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 12, lineHeight: 1.3, color: '#ffffff', letterSpacing: 0.6 },
  masthead: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 20, lineHeight: 1.25, color: colors.accent },
  agency: { fontFamily: HEADING_FONT, fontSize: 10, lineHeight: 1.3, color: colors.muted, marginTop: 3 },
  kicker: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 9, lineHeight: 1.2, letterSpacing: 2, color: colors.muted },
  issueNumber: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 30, lineHeight: 1.1, color: '#ffffff' },
  period: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 12, lineHeight: 1.3 },
  year: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 22, lineHeight: 1.15, color: colors.accent },
  creditLabel: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 8, lineHeight: 1.3, color: colors.muted },
  creditLine: { fontSize: 9.5, lineHeight: 1.35, fontStyle: 'italic' },
  colophon: { fontSize: 8, lineHeight: 1.35, color: colors.muted, textAlign: 'center' },
});

/** Views, inline marks and the texts that must not carry a lineHeight. */
export const styles = StyleSheet.create({
  /** A page of the flow: exactly one column (or the cover's text area), no margins. */
  flowPage: { fontFamily: BODY_FONT, fontSize: BODY_SIZE, color: colors.ink },
  /** A page of chrome: band, footer and marks drawn around the columns. */
  chromePage: { fontFamily: BODY_FONT, fontSize: BODY_SIZE, color: colors.ink },
  bold: { fontWeight: 700 },
  italic: { fontStyle: 'italic' },
  underline: { textDecoration: 'underline' },
  link: { color: colors.link, textDecoration: 'underline' },
  credit: { fontStyle: 'normal' },
  figure: { marginTop: 4, marginBottom: 9 },
  missingImage: {
    alignSelf: 'center',
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 0.75,
    borderStyle: 'dashed',
    borderColor: colors.rule,
    backgroundColor: '#fafafa',
  },
  rule: { borderBottomWidth: 0.75, borderBottomColor: colors.rule, marginVertical: 8 },
  quote: { borderLeftWidth: 2, borderLeftColor: colors.accent, paddingLeft: 10, marginVertical: 4 },
  list: { marginBottom: 5 },
  listItem: { flexDirection: 'row' },
  listMarker: { width: 16, textAlign: 'left', marginBottom: 0 },
  listBody: { flexGrow: 1, flexShrink: 1 },
  table: { borderTopWidth: 0.75, borderLeftWidth: 0.75, borderColor: colors.rule, marginVertical: 6 },
  tableRow: { flexDirection: 'row' },
  tableCell: { borderRightWidth: 0.75, borderBottomWidth: 0.75, borderColor: colors.rule, padding: 3 },
  tableHeader: { backgroundColor: colors.tint },
  articleHeader: { marginBottom: 6 },
  articleEnd: { borderBottomWidth: 0.75, borderBottomColor: colors.rule, marginTop: 6, marginBottom: 14, marginHorizontal: '30%' },
  fill: { position: 'absolute', top: 0, left: 0 },
  band: { position: 'absolute', justifyContent: 'center' },
  banner: { backgroundColor: colors.accent, paddingHorizontal: 10 },
  runningHead: { flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 0.5, borderBottomColor: colors.rule },
  runningHeadText: { fontSize: 7.5, color: colors.muted },
  footer: {
    position: 'absolute',
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.5,
    borderTopColor: colors.rule,
    paddingTop: 4,
  },
  footerText: { fontSize: 7.5, color: colors.muted, maxWidth: '85%' },
  footerPage: { fontSize: 7.5, color: colors.ink },
  previewLabel: { position: 'absolute', fontSize: 8, fontWeight: 700, color: colors.accent },
  watermark: { position: 'absolute', alignItems: 'center', justifyContent: 'center', transform: 'rotate(-40deg)' },
  watermarkText: { fontSize: 64, fontWeight: 700, color: '#e4e4e4' },
  mastheadRow: { flexDirection: 'row', alignItems: 'center', borderBottomWidth: 2, borderBottomColor: colors.accent, paddingBottom: 10 },
  logo: { width: 64, height: 64, objectFit: 'contain', marginRight: 14 },
  mastheadText: { flexGrow: 1, flexShrink: 1 },
  issueRow: { flexDirection: 'row', alignItems: 'stretch', marginTop: 14 },
  issueBox: { backgroundColor: colors.accent, paddingVertical: 8, paddingHorizontal: 16, justifyContent: 'center' },
  issueDates: { marginLeft: 14, justifyContent: 'center', flexGrow: 1 },
  creditBlock: { marginTop: 12, marginBottom: 18, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: colors.rule },
  tocHeading: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 13, color: colors.accent },
  tocTitle: { marginBottom: 8, borderBottomWidth: 0.75, borderBottomColor: colors.rule, paddingBottom: 4 },
  tocSection: { fontFamily: HEADING_FONT, fontWeight: 700, fontSize: 9.5, color: colors.accent, marginTop: 8, marginBottom: 4 },
  tocEntry: { flexDirection: 'row', alignItems: 'flex-end', marginBottom: 4, textDecoration: 'none', color: colors.ink },
  tocNumber: { width: 22, fontSize: 10, alignSelf: 'flex-start' },
  /** Room on the right, so the dot leader is never shorter than this. */
  tocText: { fontSize: 10, paddingRight: 18 },
  tocLeader: {
    position: 'absolute',
    right: 2,
    bottom: 3,
    borderBottomWidth: 1,
    borderBottomStyle: 'dotted',
    borderBottomColor: colors.muted,
  },
  tocPage: { width: 26, textAlign: 'right', fontSize: 10, fontWeight: 700 },
  tocEmpty: { fontSize: 10, fontStyle: 'italic', color: colors.muted },
  colophon: { marginTop: 10, paddingTop: 6, borderTopWidth: 0.5, borderTopColor: colors.rule },
});
