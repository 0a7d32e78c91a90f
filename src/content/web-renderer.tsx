// Renders a stored document to React on the server through an explicit allow-list: every node
// and mark type has its own renderer here, and anything else renders as nothing. No stored
// HTML is ever injected.
import type { ReactNode } from 'react';
import { renderJSONContentToReactElement, type NodeProps, type MarkProps } from '@tiptap/static-renderer/json/react';
import { CELL_ALIGNMENTS, isSafeHref, type RichDocument, type TableRowNode } from './schema';

export type MediaDimensions = ReadonlyMap<number, { width: number; height: number }>;

type Node = NodeProps<Record<string, unknown> & { attrs?: Record<string, unknown> }, ReactNode>;
type Mark = MarkProps<{ type: string; attrs?: Record<string, unknown> }, ReactNode>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function Figure({ attrs, media }: { attrs: Record<string, unknown>; media: MediaDimensions }) {
  const mediaId = Number(attrs.mediaId);
  const size = media.get(mediaId);
  const caption = str(attrs.caption);
  const credit = str(attrs.credit);
  return (
    <figure className="article-figure">
      {size ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our own media route, not /_next/image
        <img
          src={`/media/${mediaId}/web`}
          width={size.width}
          height={size.height}
          alt={str(attrs.alt) ?? caption ?? ''}
          loading="lazy"
          decoding="async"
        />
      ) : (
        <div className="article-figure__missing" role="img" aria-label={str(attrs.alt) ?? caption ?? 'Ảnh không còn'} />
      )}
      {(caption || credit) && (
        <figcaption>
          {caption}
          {caption && credit ? ' - ' : null}
          {credit && <span className="article-figure__credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

const isHeaderRow = (row: TableRowNode | undefined) =>
  Boolean(row?.content.length && row.content.every((cell) => cell.type === 'tableHeader'));

function cellProps(attrs: Record<string, unknown> | undefined) {
  const align = CELL_ALIGNMENTS.find((value) => value === attrs?.align);
  return {
    colSpan: Number(attrs?.colspan) > 1 ? Number(attrs?.colspan) : undefined,
    rowSpan: Number(attrs?.rowspan) > 1 ? Number(attrs?.rowspan) : undefined,
    className: align ? `cell--${align}` : undefined,
  };
}

/**
 * `headingLevel` is the HTML level of the document's own level-2 headings, so headings stay in
 * order whether the article stands alone (h2) or inside an issue page (h4).
 */
export function RichText({
  document,
  media,
  headingLevel = 2,
}: {
  document: RichDocument;
  media: MediaDimensions;
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const headingTag = (level: unknown): HeadingTag => `h${headingLevel + (level === 3 ? 1 : 0)}` as HeadingTag;
  return renderJSONContentToReactElement({
    nodeMapping: {
      doc: ({ children }: Node) => <>{children}</>,
      paragraph: ({ children }: Node) => <p>{children}</p>,
      text: ({ node }: Node) => <>{str(node.text)}</>,
      hardBreak: () => <br />,
      heading: ({ node, children }: Node) => {
        const Tag = headingTag(node.attrs?.level);
        return <Tag>{children}</Tag>;
      },
      blockquote: ({ children }: Node) => <blockquote>{children}</blockquote>,
      bulletList: ({ children }: Node) => <ul>{children}</ul>,
      orderedList: ({ node, children }: Node) => (
        <ol start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>{children}</ol>
      ),
      listItem: ({ children }: Node) => <li>{children}</li>,
      horizontalRule: () => <hr />,
      // A first row of header cells is the table's head; cells carry their alignment as a class.
      table: ({ node, children }: Node) => {
        const rows = Array.isArray(children) ? children : [children];
        const hasHead = isHeaderRow((node.content as TableRowNode[] | undefined)?.[0]);
        return (
          <div className="table-scroll">
            <table>
              {hasHead ? <thead>{rows[0]}</thead> : null}
              <tbody>{hasHead ? rows.slice(1) : rows}</tbody>
            </table>
          </div>
        );
      },
      tableRow: ({ children }: Node) => <tr>{children}</tr>,
      tableHeader: ({ node, children }: Node) => (
        <th {...cellProps(node.attrs)} scope={Number(node.attrs?.colspan) > 1 ? 'colgroup' : 'col'}>
          {children}
        </th>
      ),
      tableCell: ({ node, children }: Node) => <td {...cellProps(node.attrs)}>{children}</td>,
      image: ({ node }: Node) => <Figure attrs={node.attrs ?? {}} media={media} />,
    },
    markMapping: {
      bold: ({ children }: Mark) => <strong>{children}</strong>,
      italic: ({ children }: Mark) => <em>{children}</em>,
      underline: ({ children }: Mark) => <u>{children}</u>,
      link: ({ mark, children }: Mark) => {
        const href = str(mark.attrs?.href);
        // Checked again at render time: a document stored before a rule change stays safe.
        if (!href || !isSafeHref(href)) return <>{children}</>;
        const external = /^https?:/i.test(href);
        return (
          <a href={href} rel={external ? 'noopener noreferrer nofollow' : undefined}>
            {children}
          </a>
        );
      },
    },
    unhandledNode: () => null,
    unhandledMark: ({ children }: Mark) => <>{children}</>,
  })({ content: document });
}
