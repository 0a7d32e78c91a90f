import 'server-only';
import { parseDocument } from 'htmlparser2';
import { tidyRuns, type Inline, type ParagraphStyle, type ReadResult, type SourceBlock } from '../blocks';
import { isSafeHref } from '@/content/schema';

// HTML to blocks through an allow-list, on the server, with a real parser (htmlparser2) and no
// DOM: headings, paragraphs, lists, tables, quotes, figures, and inside them bold, italic and
// safe links. Everything else (scripts, styles, forms, site chrome, Word's mso markup and
// attributes) leaves only its text, or nothing. Also reads mammoth's rendering of a .docx.

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };

const DROPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'canvas',
  'link',
  'meta',
  'title',
  'video',
  'audio',
  'map',
]);
/** Site furniture, dropped when reading a whole page rather than its <article> or <main>. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside']);
const HEADING = /^h([1-6])$/;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'body',
  'html',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'blockquote',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'pre',
  'center',
  'header',
  'footer',
  'nav',
  'aside',
  'dl',
  'dt',
  'dd',
  'address',
  'img',
]);

const children = (node: Node) => node.children ?? [];
const isElement = (node: Node, name?: string) =>
  (node.type === 'tag' || node.type === 'script' || node.type === 'style') && (!name || node.name === name);
const hasBlockChild = (node: Node): boolean => children(node).some((child) => isElement(child) && BLOCK_TAGS.has(child.name!));

function findAll(node: Node, name: string, out: Node[] = []): Node[] {
  for (const child of children(node)) {
    if (isElement(child, name)) out.push(child);
    else if (isElement(child) && !DROPPED.has(child.name!)) findAll(child, name, out);
  }
  return out;
}

function inlineRuns(node: Node, marks: Omit<Inline, 'text'> = {}, out: Inline[] = []): Inline[] {
  for (const child of children(node)) {
    if (child.type === 'text') out.push({ ...marks, text: decodeEntitiesLeft(child.data ?? '') });
    if (!isElement(child) || DROPPED.has(child.name!)) continue;
    const name = child.name!;
    if (name === 'br') out.push({ ...marks, text: '\n' });
    else if (name === 'img') continue;
    else {
      const next = { ...marks };
      if (name === 'b' || name === 'strong') next.bold = true;
      if (name === 'i' || name === 'em') next.italic = true;
      if (name === 'a' && child.attribs?.href && isSafeHref(child.attribs.href.trim())) next.href = child.attribs.href.trim();
      inlineRuns(child, next, out);
    }
  }
  return out;
}

// htmlparser2 decodes entities itself; this only folds the non-breaking spaces Word loves.
const decodeEntitiesLeft = (text: string) => text.replace(/\u00a0/g, ' ');

/** The text of a list item or table cell; paragraphs inside it become lines. */
function textOf(node: Node): string {
  if (hasBlockChild(node)) {
    return children(node)
      .map((child) =>
        child.type === 'text' ? (child.data ?? '').trim() : isElement(child) && !DROPPED.has(child.name!) ? textOf(child) : '',
      )
      .filter(Boolean)
      .join('\n');
  }
  return tidyRuns(inlineRuns(node).map((run) => (run.text === '\n' ? { ...run, text: ' ' } : run)))
    .map((run) => run.text)
    .join('')
    .trim();
}

function styleOf(node: Node, inCaption: boolean): ParagraphStyle | undefined {
  const style: ParagraphStyle = {};
  const css = node.attribs?.style ?? '';
  const align = /text-align\s*:\s*(right|center)/i.exec(css)?.[1]?.toLowerCase() ?? node.attribs?.align?.toLowerCase();
  if (align === 'right' || align === 'center') style.align = align;
  if (inCaption || /(^|\s)(caption|MsoCaption|wp-caption-text|image-caption)(\s|$)/i.test(node.attribs?.class ?? '')) style.caption = true;
  return Object.keys(style).length ? style : undefined;
}

type Context = { images: Buffer[]; imageFor: (src: string) => number | null; blocks: SourceBlock[] };

function paragraph(context: Context, node: Node, inCaption = false) {
  // A <br> inside a paragraph is a soft line break: the lines are one paragraph.
  const runs = tidyRuns(inlineRuns(node).map((run) => (run.text === '\n' ? { ...run, text: ' ' } : run)));
  if (runs.length) context.blocks.push({ kind: 'paragraph', runs, style: styleOf(node, inCaption) });
}

function walk(context: Context, node: Node, inCaption = false): void {
  for (const child of children(node)) {
    if (child.type === 'text') {
      const text = (child.data ?? '').trim();
      if (text) context.blocks.push({ kind: 'paragraph', runs: tidyRuns([{ text }]), style: styleOf(node, inCaption) });
      continue;
    }
    if (!isElement(child) || DROPPED.has(child.name!)) continue;
    const name = child.name!;
    const heading = HEADING.exec(name);
    if (heading) {
      const runs = tidyRuns(inlineRuns(child).map((run) => (run.text === '\n' ? { ...run, text: ' ' } : run)));
      if (runs.length) context.blocks.push({ kind: 'heading', level: Number(heading[1]), runs });
    } else if (name === 'img') {
      context.blocks.push({ kind: 'image', image: context.imageFor(child.attribs?.src ?? '') });
    } else if (name === 'ul' || name === 'ol') {
      const items = findAll(child, 'li').map(textOf).filter(Boolean);
      if (items.length) context.blocks.push({ kind: 'list', ordered: name === 'ol', items });
    } else if (name === 'table') {
      const rows = findAll(child, 'tr')
        .map((row) =>
          children(row)
            .filter((cell) => isElement(cell, 'td') || isElement(cell, 'th'))
            .map(textOf),
        )
        .filter((row) => row.some(Boolean));
      if (rows.length) context.blocks.push({ kind: 'table', rows });
    } else if (name === 'blockquote' && !hasBlockChild(child)) {
      const text = textOf(child);
      if (text) context.blocks.push({ kind: 'quote', text });
    } else if (name === 'figcaption') {
      if (hasBlockChild(child)) walk(context, child, true);
      else paragraph(context, child, true);
    } else if (name === 'hr') {
      continue;
    } else if (BLOCK_TAGS.has(name) && hasBlockChild(child)) {
      walk(context, child, inCaption);
    } else if (BLOCK_TAGS.has(name) || name === 'span' || name === 'font') {
      if (findAll(child, 'img').length) walk(context, child, inCaption);
      else paragraph(context, child, inCaption || /caption/i.test(child.attribs?.class ?? ''));
    } else {
      walk(context, child, inCaption);
    }
  }
}

/** The part of the page that is the bulletin: its only <article>, else <main>, else <body> without site chrome. */
function contentRoot(document: Node): Node {
  const articles = findAll(document, 'article');
  if (articles.length === 1) return articles[0]!;
  const main = findAll(document, 'main');
  if (main.length === 1) return main[0]!;
  const body = findAll(document, 'body')[0] ?? document;
  const strip = (node: Node): Node => ({
    ...node,
    children: children(node)
      .filter((child) => !(isElement(child) && CHROME.has(child.name!)))
      .map((child) => (isElement(child) ? strip(child) : child)),
  });
  return strip(body);
}

const DATA_IMAGE = /^data:image\/(jpeg|jpg|png|webp);base64,([a-z0-9+/=\s]+)$/i;

/**
 * Reads HTML. Images are taken only from data: URIs in the page (or from `images`, for
 * mammoth's "import-image:N" sources); a remote address is never fetched.
 */
export function readHtml(html: string, images: Buffer[] = []): ReadResult {
  const document = parseDocument(html.normalize('NFC'), { decodeEntities: true }) as unknown as Node;
  const imageFor = (src: string): number | null => {
    const own = /^import-image:(\d+)$/.exec(src);
    if (own) return Number(own[1]) < images.length ? Number(own[1]) : null;
    const data = DATA_IMAGE.exec(src.trim());
    if (!data) return null;
    images.push(Buffer.from(data[2]!.replace(/\s+/g, ''), 'base64'));
    return images.length - 1;
  };
  const context: Context = { images, imageFor, blocks: [] };
  walk(context, contentRoot(document));
  return { blocks: context.blocks, images, warnings: [] };
}
