import { mergeAttributes, Node } from '@tiptap/core';

// The article's image as a document node: a media id plus caption, credit and alt text, never a
// URL. The editor gives it a React view (image-node.tsx); tests and the paste checks use it bare.

export const ArticleImageNode = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      mediaId: { default: null, rendered: false },
      caption: { default: null, rendered: false },
      credit: { default: null, rendered: false },
      alt: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (element) => {
          const mediaId = Number(element.getAttribute('data-media-id'));
          if (!Number.isInteger(mediaId) || mediaId <= 0) return false;
          return {
            mediaId,
            caption: element.getAttribute('data-caption'),
            credit: element.getAttribute('data-credit'),
            alt: element.getAttribute('data-alt'),
          };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { mediaId, caption, credit, alt } = node.attrs;
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { 'data-media-id': mediaId, 'data-caption': caption, 'data-credit': credit, 'data-alt': alt }),
      ['img', { src: `/media/${mediaId}/web`, alt: alt ?? caption ?? '' }],
    ];
  },
});
