// Paste from Word and news sites: keep the structure (paragraphs, headings, lists, tables,
// links), drop what carries their styling or points at the author's disk. The editor's schema
// then drops every node and mark it does not know.

const DROPPED_ELEMENTS = 'style, script, meta, link, title, xml, template, iframe, object, embed, svg, math';
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  A: ['href'],
  OL: ['start'],
  TD: ['colspan', 'rowspan'],
  TH: ['colspan', 'rowspan'],
  FIGURE: ['data-media-id', 'data-caption', 'data-credit', 'data-alt'],
  IMG: ['src', 'alt'],
};

/** Our own images only: anything from the disk (file:///), inline (data:) or another site goes. */
const isOwnImage = (img: Element) => /^\/media\/\d+\/web$/.test(img.getAttribute('src') ?? '');

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
  for (const element of [...doc.body.querySelectorAll('*')]) {
    // Word's namespaced elements (<o:p>, <v:shape>, <w:…>) carry nothing worth keeping.
    if (element.tagName.includes(':')) {
      element.remove();
      continue;
    }
    if (element.tagName === 'IMG' && !isOwnImage(element)) {
      element.remove();
      continue;
    }
    const kept = KEPT_ATTRIBUTES[element.tagName] ?? [];
    for (const { name } of [...element.attributes]) {
      if (!kept.includes(name)) element.removeAttribute(name);
    }
  }
  return doc.body.innerHTML;
}
