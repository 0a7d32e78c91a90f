import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { isSafeHref } from '@/content/schema';
import { ArticleImageNode } from './image-schema';

/**
 * Exactly the nodes and marks of src/content/schema.ts: StarterKit without code, code blocks
 * and strike-through, headings 2 and 3 only, links limited to what the server accepts, tables
 * (header row, cell alignment), and our image node. `image` is the editor's own image node
 * (with its React view); tests pass the bare node.
 */
export function articleExtensions(image: AnyExtension = ArticleImageNode): AnyExtension[] {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    image,
  ];
}
