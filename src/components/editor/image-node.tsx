'use client';

import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';

// The article's image: a media id plus caption, credit and alt text, never a URL. In the
// editor each image carries its own small form, so the caption is asked for where it shows.

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const orNull = (value: string) => (value.trim() ? value : null);

function ImageView({ node, updateAttributes, deleteNode, selected, editor }: ReactNodeViewProps) {
  const id = useId();
  const mediaId = Number(node.attrs.mediaId);
  const editable = editor.isEditable;
  const field = (name: 'caption' | 'credit' | 'alt', label: string, placeholder?: string) => (
    <div className="editor-figure__field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        data-image-field={name}
        value={text(node.attrs[name])}
        placeholder={placeholder}
        disabled={!editable}
        maxLength={name === 'credit' ? 200 : name === 'alt' ? 500 : 1000}
        onChange={(event) => updateAttributes({ [name]: orNull(event.target.value) })}
      />
    </div>
  );
  return (
    <NodeViewWrapper as="figure" className={`editor-figure${selected ? ' editor-figure--selected' : ''}`} data-media-id={mediaId}>
      {/* eslint-disable-next-line @next/next/no-img-element -- our own media route, never /_next/image */}
      <img src={`/media/${mediaId}/web`} alt={text(node.attrs.alt) || text(node.attrs.caption)} draggable={false} data-drag-handle />
      <div className="editor-figure__fields">
        {field('caption', 'Chú thích')}
        {field('credit', 'Nguồn ảnh', 'Ảnh: VGP')}
        {field('alt', 'Văn bản thay thế', 'Mô tả ảnh cho người không nhìn thấy')}
        {editable && (
          <button type="button" className="admin-button admin-button--quiet" onClick={() => deleteNode()}>
            Xoá ảnh
          </button>
        )}
      </div>
    </NodeViewWrapper>
  );
}

export const ArticleImage = Node.create({
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

  addNodeView() {
    return ReactNodeViewRenderer(ImageView);
  },
});
