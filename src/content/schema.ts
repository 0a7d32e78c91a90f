// The allowed rich-text document: the one definition the editor, the server, the web page and
// the PDF agree on. Anything outside it (unknown nodes, marks, attributes, external images,
// script links) is rejected before it is stored.
import { z } from 'zod';

export const MAX_DOCUMENT_BYTES = 1_000_000;
export const MAX_DOCUMENT_DEPTH = 12;

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i;

/** http(s), mailto and site-relative links only; control characters never pass. */
export function isSafeHref(href: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(href)) return false;
  return SAFE_LINK.test(href) && href.length <= 2000;
}

const linkMark = z.strictObject({
  type: z.literal('link'),
  attrs: z.strictObject({
    href: z.string().refine(isSafeHref, 'Liên kết chỉ được dùng http, https, mailto hoặc đường dẫn trong trang.'),
    // Tiptap's Link extension serialises these; we only accept its defaults.
    target: z.literal('_blank').nullable().optional(),
    rel: z.string().max(100).nullable().optional(),
    class: z.null().optional(),
    title: z.string().max(300).nullable().optional(),
  }),
});

const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('underline') }),
  linkMark,
]);

const textNode = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1),
  marks: z.array(mark).max(4).optional(),
});

const hardBreak = z.strictObject({ type: z.literal('hardBreak'), marks: z.array(mark).optional() });
const inline = z.union([textNode, hardBreak]);

const paragraph = z.strictObject({
  type: z.literal('paragraph'),
  attrs: z.strictObject({ textAlign: z.null().optional() }).optional(),
  content: z.array(inline).optional(),
});

const heading = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(inline).optional(),
});

const imageAttrs = z.strictObject({
  mediaId: z.number().int().positive(),
  caption: z.string().max(1000).nullable().optional(),
  credit: z.string().max(200).nullable().optional(),
  alt: z.string().max(500).nullable().optional(),
});

const image = z.strictObject({ type: z.literal('image'), attrs: imageAttrs });
const horizontalRule = z.strictObject({ type: z.literal('horizontalRule') });

/** One table model for editor, web and PDF: header cells, merged cells, alignment per cell. */
export const CELL_ALIGNMENTS = ['left', 'center', 'right'] as const;
const cellAttrs = z
  .strictObject({
    colspan: z.number().int().min(1).max(20).optional(),
    rowspan: z.number().int().min(1).max(200).optional(),
    colwidth: z.array(z.number().int().min(1).max(2000)).nullable().optional(),
    align: z.enum(CELL_ALIGNMENTS).nullable().optional(),
  })
  .optional();

export type BlockNode =
  | z.infer<typeof paragraph>
  | z.infer<typeof heading>
  | z.infer<typeof image>
  | z.infer<typeof horizontalRule>
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList'; content: ListItemNode[] }
  | { type: 'orderedList'; attrs?: { start?: number; type?: string | null }; content: ListItemNode[] }
  | { type: 'table'; content: TableRowNode[] };
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type TableCellNode = {
  type: 'tableCell' | 'tableHeader';
  attrs?: z.infer<typeof cellAttrs>;
  content: BlockNode[];
};
export type TableRowNode = { type: 'tableRow'; content: TableCellNode[] };
export type InlineNode = z.infer<typeof inline>;
export type MarkNode = z.infer<typeof mark>;
export type ImageAttrs = z.infer<typeof imageAttrs>;

const block: z.ZodType<BlockNode> = z.lazy(() =>
  z.union([
    paragraph,
    heading,
    image,
    horizontalRule,
    z.strictObject({ type: z.literal('blockquote'), content: z.array(block).min(1) }),
    z.strictObject({ type: z.literal('bulletList'), content: z.array(listItem).min(1) }),
    z.strictObject({
      type: z.literal('orderedList'),
      attrs: z.strictObject({ start: z.number().int().min(0).optional(), type: z.string().max(5).nullable().optional() }).optional(),
      content: z.array(listItem).min(1),
    }),
    z.strictObject({ type: z.literal('table'), content: z.array(tableRow).min(1).max(500) }),
  ]),
);
const listItem: z.ZodType<ListItemNode> = z.lazy(() => z.strictObject({ type: z.literal('listItem'), content: z.array(block).min(1) }));
const tableCell: z.ZodType<TableCellNode> = z.lazy(() =>
  z.strictObject({
    type: z.union([z.literal('tableCell'), z.literal('tableHeader')]),
    attrs: cellAttrs,
    content: z.array(block).min(1),
  }),
);
const tableRow: z.ZodType<TableRowNode> = z.lazy(() =>
  z.strictObject({ type: z.literal('tableRow'), content: z.array(tableCell).min(1).max(30) }),
);

export const richDocumentSchema = z.strictObject({
  type: z.literal('doc'),
  content: z.array(block),
});

export type RichDocument = z.infer<typeof richDocumentSchema>;

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DOCUMENT_DEPTH) return depth;
  if (!value || typeof value !== 'object') return depth;
  const content = (value as { content?: unknown }).content;
  if (!Array.isArray(content)) return depth;
  let max = depth;
  for (const child of content) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

export type DocumentCheck = { ok: true; document: RichDocument } | { ok: false; message: string };

/** Validates an untrusted document: size, depth, then the schema. Messages are Vietnamese. */
export function parseRichDocument(input: unknown): DocumentCheck {
  const size = Buffer.byteLength(JSON.stringify(input ?? null));
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      message: `Nội dung quá lớn (${Math.round(size / 1024)} KB; tối đa ${MAX_DOCUMENT_BYTES / 1000} KB). Hãy chia bài hoặc bớt nội dung dán vào.`,
    };
  }
  if (depthOf(input) > MAX_DOCUMENT_DEPTH) {
    return { ok: false, message: 'Nội dung lồng nhau quá sâu (danh sách hoặc trích dẫn lồng quá nhiều cấp).' };
  }
  const result = richDocumentSchema.safeParse(input);
  if (!result.success) return { ok: false, message: invalidBlockMessage(input, result.error.issues[0]) };
  return { ok: true, document: result.data };
}

const BLOCK_NAMES: Record<string, string> = {
  paragraph: 'đoạn văn',
  heading: 'tiêu đề mục',
  image: 'ảnh',
  table: 'bảng',
  bulletList: 'danh sách',
  orderedList: 'danh sách số',
  blockquote: 'trích dẫn',
  horizontalRule: 'đường kẻ ngang',
};

/** Which block (1-based, with its kind) and what is wrong with it, in words an editor can act on. */
function invalidBlockMessage(input: unknown, issue: z.core.$ZodIssue | undefined): string {
  const index = typeof issue?.path[1] === 'number' ? issue.path[1] : null;
  const type = index === null ? undefined : (input as { content?: { type?: unknown }[] }).content?.[index]?.type;
  const name = typeof type === 'string' ? (BLOCK_NAMES[type] ?? `“${type}”`) : null;
  const where = index === null ? '' : ` ở khối thứ ${index + 1}${name ? ` (${name})` : ''}`;
  let what = 'có thành phần không được phép';
  if (issue?.code === 'unrecognized_keys') what = `có thuộc tính không được phép (${issue.keys.join(', ')})`;
  else if (issue?.code === 'too_big') what = 'có phần quá dài hoặc quá nhiều';
  else if (issue?.message && !/^(Invalid|Unrecognized|Too)/.test(issue.message)) what = issue.message;
  return `Nội dung không hợp lệ${where}: ${what}. Hãy xoá hoặc gõ lại phần đó rồi lưu; nội dung còn lại vẫn được giữ.`;
}

export const EMPTY_DOCUMENT: RichDocument = { type: 'doc', content: [] };

/**
 * A stored body as a document. Bodies are validated on every write, so one that fails now is
 * damaged data: shown empty (never raw) and reported.
 */
export function storedDocument(body: unknown, owner = 'bài viết'): RichDocument {
  const checked = parseRichDocument(body);
  if (checked.ok) return checked.document;
  console.warn(`Nội dung lưu trữ của ${owner} không hợp lệ (${checked.message})`);
  return EMPTY_DOCUMENT;
}

/** Every media id the document's images reference, in order, without repeats. */
export function referencedMediaIds(document: RichDocument): number[] {
  const ids = new Set<number>();
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes) {
      const n = node as { type: string; attrs?: { mediaId?: number }; content?: unknown[] };
      if (n.type === 'image' && n.attrs?.mediaId) ids.add(n.attrs.mediaId);
      if (Array.isArray(n.content)) walk(n.content);
    }
  };
  walk(document.content);
  return [...ids];
}

/** The document's plain text, paragraphs separated by newlines (search, excerpts, checks). */
export function documentText(document: RichDocument): string {
  const lines: string[] = [];
  const inlineText = (nodes: readonly InlineNode[] | undefined) => (nodes ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');
  const walk = (nodes: readonly BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') lines.push(inlineText(node.content));
      else if (node.type === 'image') lines.push([node.attrs.caption, node.attrs.credit].filter(Boolean).join(' - '));
      else if (node.type === 'blockquote') walk(node.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') node.content.forEach((item) => walk(item.content));
      else if (node.type === 'table') node.content.forEach((row) => row.content.forEach((cell) => walk(cell.content)));
    }
  };
  walk(document.content);
  return lines.filter((line) => line.trim()).join('\n');
}
