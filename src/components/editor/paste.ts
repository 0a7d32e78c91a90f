// Paste from Word, Google Docs and news sites: keep the structure (paragraphs, headings, real
// lists with their levels, tables with their header row and cell alignment, links), drop what
// carries their styling or points at the author's disk, and count the pictures that could not
// come along so the editor can say so. The editor's schema then drops every node and mark it
// does not know.

const DROPPED_ELEMENTS = 'style, script, meta, link, title, xml, template, iframe, object, embed, svg, math';
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  A: ['href'],
  OL: ['start'],
  TD: ['colspan', 'rowspan', 'style'],
  TH: ['colspan', 'rowspan', 'style'],
  FIGURE: ['data-media-id', 'data-caption', 'data-credit', 'data-alt'],
  IMG: ['src', 'alt'],
};

export type CleanedPaste = { html: string; droppedImages: number };

/** Our own images only: anything from the disk (file:///), inline (data:) or another site goes. */
const isOwnImage = (img: Element) => /^\/media\/\d+\/web$/.test(img.getAttribute('src') ?? '');

/** The style attribute, lower case, without the spaces browsers and editors put around `:`. */
const styleOf = (element: Element) => (element.getAttribute('style') ?? '').toLowerCase().replace(/\s*:\s*/g, ':');

// ---------------------------------------------------------------------------------------------
// Word's lists are paragraphs with `mso-list: l0 level2 lfo1` and a typed marker ("·", "1.").

const WORD_LIST_ITEM = /mso-list:\s*l(\d+)\s+level(\d+)/;
const ORDERED_MARKER = /^\s*(\d+|[a-z]|[ivxlcdm]+)[.)]/i;

function wordListItem(node: Node | null): { list: number; level: number } | null {
  if (!node || node.nodeType !== 1 || (node as Element).tagName !== 'P') return null;
  const match = WORD_LIST_ITEM.exec(styleOf(node as Element));
  return match ? { list: Number(match[1]), level: Number(match[2]) } : null;
}

/** The next element sibling, skipping white space and comments (Word's conditional comments). */
function nextItem(node: Node): Node | null {
  let next = node.nextSibling;
  while (next && (next.nodeType === 8 || (next.nodeType === 3 && !next.textContent?.trim()))) next = next.nextSibling;
  return next;
}

function convertWordLists(doc: Document) {
  for (const first of [...doc.body.querySelectorAll('p')]) {
    if (!first.isConnected || !wordListItem(first)) continue;
    const run: HTMLElement[] = [];
    for (let node: Node | null = first; wordListItem(node); node = nextItem(node!)) run.push(node as HTMLElement);
    const stack: { level: number; list: HTMLElement }[] = [];
    let root: HTMLElement | null = null;
    for (const paragraph of run) {
      const { level } = wordListItem(paragraph)!;
      const markers = [...paragraph.querySelectorAll('span')].filter((span) => styleOf(span).includes('mso-list:ignore'));
      const marker = markers.map((span) => span.textContent ?? '').join('');
      markers.forEach((span) => span.remove());
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      if (!stack.length || stack.at(-1)!.level < level) {
        const list = doc.createElement(ORDERED_MARKER.test(marker) ? 'ol' : 'ul');
        const parentItem = stack.at(-1)?.list.lastElementChild;
        if (parentItem) parentItem.append(list);
        else root ??= list;
        stack.push({ level, list });
      }
      const item = doc.createElement('li');
      const content = doc.createElement('p');
      content.append(...paragraph.childNodes);
      item.append(content);
      stack.at(-1)!.list.append(item);
    }
    first.before(root!);
    run.forEach((paragraph) => paragraph.remove());
  }
}

// ---------------------------------------------------------------------------------------------
// Tables: a first row that is all bold is the header row; a cell keeps only its alignment.

const ALIGNMENTS = ['left', 'center', 'right'] as const;

function cellAlignment(cell: Element): string | null {
  const sources = [cell, ...cell.querySelectorAll('p, div')];
  for (const source of sources) {
    const fromStyle = /text-align:\s*(left|center|right)/.exec(styleOf(source))?.[1];
    const fromAttribute = source.getAttribute('align')?.toLowerCase();
    const align = fromStyle ?? fromAttribute;
    if (align && (ALIGNMENTS as readonly string[]).includes(align)) return align;
  }
  return null;
}

const isAllBold = (cell: Element) => {
  const text = cell.textContent?.trim() ?? '';
  const bold = [...cell.querySelectorAll('b, strong')]
    .map((element) => element.textContent ?? '')
    .join('')
    .trim();
  return text.length > 0 && bold.replace(/\s+/g, '') === text.replace(/\s+/g, '');
};

function normaliseTables(doc: Document) {
  for (const table of doc.body.querySelectorAll('table')) {
    for (const cell of table.querySelectorAll('td, th')) {
      const align = cellAlignment(cell);
      if (align) cell.setAttribute('style', `text-align: ${align}`);
      else cell.removeAttribute('style');
    }
    const firstRow = table.querySelector('tr');
    const cells = firstRow ? [...firstRow.children] : [];
    if (cells.length && cells.every((cell) => cell.tagName === 'TH' || isAllBold(cell))) {
      for (const cell of cells) {
        if (cell.tagName === 'TH') continue;
        const header = doc.createElement('th');
        for (const { name, value } of [...cell.attributes]) header.setAttribute(name, value);
        header.append(...cell.childNodes);
        cell.replaceWith(header);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Google Docs wraps everything in <b style="font-weight:normal"> (not bold) and marks real bold
 * and italics with styled spans: turn those into the elements the editor knows.
 */
function normaliseEmphasis(doc: Document) {
  for (const element of [...doc.body.querySelectorAll('b, strong')]) {
    if (/font-weight:\s*(normal|400)/.test(styleOf(element))) element.replaceWith(...element.childNodes);
  }
  for (const span of [...doc.body.querySelectorAll('span')]) {
    const style = styleOf(span);
    const wrappers = [/font-weight:\s*(bold|[6-9]00)/.test(style) && 'strong', /font-style:\s*italic/.test(style) && 'em'].filter(Boolean);
    for (const tag of wrappers) {
      const wrapper = doc.createElement(tag as string);
      span.replaceWith(wrapper);
      wrapper.append(span);
    }
  }
}

function removeComments(doc: Document) {
  const walker = doc.createTreeWalker(doc.body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

export function cleanPastedHtml(html: string): CleanedPaste {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  // Before comments go: Word's list markers sit between conditional comments.
  convertWordLists(doc);
  removeComments(doc);
  normaliseEmphasis(doc);
  normaliseTables(doc);
  let droppedImages = 0;
  for (const element of [...doc.body.querySelectorAll('*')]) {
    if (!element.isConnected) continue;
    // Word's namespaced elements (<o:p>, <v:shape>, <w:…>) carry nothing worth keeping.
    if (element.tagName.includes(':')) {
      element.remove();
      continue;
    }
    if (element.tagName === 'IMG' && !isOwnImage(element)) {
      droppedImages += 1;
      element.remove();
      continue;
    }
    const kept = KEPT_ATTRIBUTES[element.tagName] ?? [];
    for (const { name } of [...element.attributes]) {
      if (!kept.includes(name)) element.removeAttribute(name);
    }
  }
  return { html: doc.body.innerHTML, droppedImages };
}
