// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import type { ReactNode } from 'react';
import { Image, Link, Text, View, type Styles } from '@react-pdf/renderer';
import {
  documentText,
  isSafeHref,
  type BlockNode,
  type ImageAttrs,
  type InlineNode,
  type RichDocument,
  type TableRowNode,
} from '@/content/schema';
import type { MediaInfo } from '@/server/issues/queries';
import { printableText } from './fonts';
import { text, styles } from './styles';

// The PDF twin of src/content/web-renderer.tsx: the same allow-list of node and mark types,
// each with its own renderer here; anything else renders as nothing.

export type RichTextContext = {
  media: ReadonlyMap<number, MediaInfo>;
  /** Print JPEGs by media id, loaded before rendering; absent = missing from storage. */
  images: ReadonlyMap<number, Buffer>;
  /**
   * Height a block may take and still be kept whole: images are scaled to fit in it, a table
   * row taller than it may break across pages (else what overflows the page is lost).
   */
  maxUnsplitHeight: number;
  /** Site-relative links become absolute: a PDF travels without its site. */
  baseUrl: string;
};

type Variant = 'body' | 'quote' | 'cell';
/** Where blocks are laid: their width, their kind of text, and a table cell's alignment. */
type Place = { width: number; variant: Variant; align?: 'left' | 'center' | 'right' | null };

const paragraphStyle: Record<Variant, Styles[string]> = { body: text.paragraph, quote: text.quote, cell: text.cell };

function linkTarget(href: string, baseUrl: string): string | null {
  // Checked again at render time: a document stored before a rule change stays safe.
  if (!isSafeHref(href)) return null;
  return href.startsWith('/') ? new URL(href, baseUrl).toString() : href;
}

function Inline({ nodes, context }: { nodes: readonly InlineNode[] | undefined; context: RichTextContext }): ReactNode {
  return (nodes ?? []).map((node, index) => {
    if (node.type === 'hardBreak') return '\n';
    let content: ReactNode = printableText(node.text);
    for (const mark of node.marks ?? []) {
      switch (mark.type) {
        case 'bold':
          content = <Text style={styles.bold}>{content}</Text>;
          break;
        case 'italic':
          content = <Text style={styles.italic}>{content}</Text>;
          break;
        case 'underline':
          content = <Text style={styles.underline}>{content}</Text>;
          break;
        case 'link': {
          const target = linkTarget(mark.attrs.href, context.baseUrl);
          if (target) {
            content = (
              <Link src={target} style={styles.link}>
                {content}
              </Link>
            );
          }
          break;
        }
      }
    }
    return <Text key={index}>{content}</Text>;
  });
}

function Figure({ attrs, place, context }: { attrs: ImageAttrs; place: Place; context: RichTextContext }) {
  const info = context.media.get(attrs.mediaId);
  const bytes = context.images.get(attrs.mediaId);
  const caption = attrs.caption ? printableText(attrs.caption).trim() : '';
  const credit = attrs.credit ? printableText(attrs.credit).trim() : '';
  let picture: ReactNode;
  if (info && bytes) {
    const ratio = info.height / info.width;
    const width = Math.min(place.width, context.maxUnsplitHeight / ratio);
    // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image, not an HTML img: it has no alt
    picture = <Image src={{ data: bytes, format: 'jpg' }} style={{ width, height: width * ratio, alignSelf: 'center' }} />;
  } else {
    // Missing from storage (logged when the images were loaded): the page keeps its shape.
    const height = info ? Math.min(place.width * (info.height / info.width), context.maxUnsplitHeight) : 90;
    picture = (
      <View style={[styles.missingImage, { width: place.width, height }]}>
        <Text style={text.missingImage}>Ảnh không còn trong kho lưu trữ</Text>
      </View>
    );
  }
  return (
    <View wrap={false} style={styles.figure}>
      {picture}
      {(caption || credit) && (
        <Text style={text.caption}>
          {caption}
          {caption && credit ? ' - ' : null}
          {credit && <Text style={styles.credit}>{credit}</Text>}
        </Text>
      )}
    </View>
  );
}

function List({
  node,
  place,
  context,
}: {
  node: Extract<BlockNode, { type: 'bulletList' | 'orderedList' }>;
  place: Place;
  context: RichTextContext;
}) {
  const start = node.type === 'orderedList' ? (node.attrs?.start ?? 1) : 0;
  const inner: Place = { ...place, width: place.width - styles.listMarker.width };
  return (
    <View style={styles.list}>
      {node.content.map((item, index) => (
        <View key={index} style={styles.listItem}>
          <Text style={[paragraphStyle[place.variant], styles.listMarker]}>{node.type === 'orderedList' ? `${start + index}.` : '•'}</Text>
          <View style={styles.listBody}>
            <Blocks nodes={item.content} place={inner} context={context} />
          </View>
        </View>
      ))}
    </View>
  );
}

type TableCell = TableRowNode['content'][number];

/** A generous estimate of a cell's text height: enough to spot a row no page can hold. */
function estimatedCellHeight(cell: TableCell, width: number): number {
  const { fontSize, lineHeight } = text.cell;
  const lines = documentText({ type: 'doc', content: cell.content })
    .split('\n')
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil((paragraph.length * fontSize * 0.6) / width)), 0);
  return lines * fontSize * lineHeight;
}

function Table({ rows, place, context }: { rows: readonly TableRowNode[]; place: Place; context: RichTextContext }) {
  const span = (cell: TableCell) => cell.attrs?.colspan ?? 1;
  const columns = Math.max(...rows.map((row) => row.content.reduce((sum, cell) => sum + span(cell), 0)));
  // Rowspans are drawn as a cell of their first row: a grid needs absolute positioning that
  // would break across pages.
  return (
    <View style={styles.table}>
      {rows.map((row, rowIndex) => {
        const widths = row.content.map((cell) => (place.width * span(cell)) / columns - 2 * styles.tableCell.padding);
        const keepWhole = row.content.every((cell, i) => estimatedCellHeight(cell, widths[i]!) < context.maxUnsplitHeight);
        return (
          <View key={rowIndex} wrap={!keepWhole} style={styles.tableRow}>
            {row.content.map((cell, cellIndex) => (
              <View
                key={cellIndex}
                style={[
                  styles.tableCell,
                  { width: widths[cellIndex]! + 2 * styles.tableCell.padding },
                  cell.type === 'tableHeader' ? styles.tableHeader : {},
                ]}
              >
                <Blocks
                  nodes={cell.content}
                  place={{ width: widths[cellIndex]!, variant: 'cell', align: cell.attrs?.align }}
                  context={context}
                />
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

function Block({ node, place, context }: { node: BlockNode; place: Place; context: RichTextContext }): ReactNode {
  switch (node.type) {
    case 'paragraph':
      if (!node.content?.length) return null;
      return (
        <Text style={place.align ? [paragraphStyle[place.variant], { textAlign: place.align }] : paragraphStyle[place.variant]}>
          <Inline nodes={node.content} context={context} />
        </Text>
      );
    case 'heading':
      // minPresenceAhead: a heading moves to the next page rather than end one.
      return (
        <Text minPresenceAhead={48} style={node.attrs.level === 2 ? text.heading2 : text.heading3}>
          <Inline nodes={node.content} context={context} />
        </Text>
      );
    case 'image':
      return <Figure attrs={node.attrs} place={place} context={context} />;
    case 'horizontalRule':
      return <View style={styles.rule} />;
    case 'blockquote':
      return (
        <View style={styles.quote}>
          <Blocks
            nodes={node.content}
            place={{
              width: place.width - styles.quote.paddingLeft - styles.quote.borderLeftWidth,
              variant: place.variant === 'cell' ? 'cell' : 'quote',
            }}
            context={context}
          />
        </View>
      );
    case 'bulletList':
    case 'orderedList':
      return <List node={node} place={place} context={context} />;
    case 'table':
      return <Table rows={node.content} place={place} context={context} />;
    default:
      return null;
  }
}

function Blocks({ nodes, place, context }: { nodes: readonly BlockNode[]; place: Place; context: RichTextContext }) {
  return nodes.map((node, index) => <Block key={index} node={node} place={place} context={context} />);
}

/**
 * An article body as PDF blocks. They are returned as siblings (no wrapping View), so a
 * heading's minPresenceAhead sees the paragraphs after it.
 */
export function PdfRichText({ document, width, context }: { document: RichDocument; width: number; context: RichTextContext }) {
  return <Blocks nodes={document.content} place={{ width, variant: 'body' }} context={context} />;
}
