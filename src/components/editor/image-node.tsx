'use client';

import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useId } from 'react';
import { ArticleImageNode } from './image-schema';

// The article's image in the editor: each image carries its own small form, so the caption is
// asked for where it shows.

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

export const ArticleImage = ArticleImageNode.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ImageView);
  },
});
