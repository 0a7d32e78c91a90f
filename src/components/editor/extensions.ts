import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { isSafeHref } from '@/content/schema';
import { ArticleImage } from './image-node';

/**
 * Exactly the nodes and marks of src/content/schema.ts: StarterKit without code, code blocks
 * and strike-through, headings 2 and 3 only, links limited to what the server accepts.
 */
export const articleExtensions = [
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
  ArticleImage,
];
