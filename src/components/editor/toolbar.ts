import type { Editor } from '@tiptap/core';

// The toolbar's actions, as data: the editor shows them, and a test runs every one of them and
// checks the document still validates against src/content/schema.ts.

export type ToolbarButton = { label: string; shortcut?: string; run: (editor: Editor) => void; active?: (editor: Editor) => boolean };

export const chain = (editor: Editor) => editor.chain().focus();

export const FORMAT_BUTTONS: ToolbarButton[] = [
  { label: 'Đậm', shortcut: 'Ctrl+B', run: (e) => chain(e).toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: 'Nghiêng', shortcut: 'Ctrl+I', run: (e) => chain(e).toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: 'Gạch chân', shortcut: 'Ctrl+U', run: (e) => chain(e).toggleUnderline().run(), active: (e) => e.isActive('underline') },
  {
    label: 'Tiêu đề mục',
    shortcut: 'Ctrl+Alt+2',
    run: (e) => chain(e).toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive('heading', { level: 2 }),
  },
  {
    label: 'Tiêu đề nhỏ',
    shortcut: 'Ctrl+Alt+3',
    run: (e) => chain(e).toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading', { level: 3 }),
  },
  {
    label: 'Danh sách dấu chấm',
    shortcut: 'Ctrl+Shift+8',
    run: (e) => chain(e).toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  {
    label: 'Danh sách số',
    shortcut: 'Ctrl+Shift+7',
    run: (e) => chain(e).toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  { label: 'Trích dẫn', shortcut: 'Ctrl+Shift+B', run: (e) => chain(e).toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { label: 'Đường kẻ ngang', run: (e) => chain(e).setHorizontalRule().run() },
  { label: 'Chèn bảng', run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
];

export const TABLE_BUTTONS: ToolbarButton[] = [
  { label: 'Hàng tiêu đề', run: (e) => chain(e).toggleHeaderRow().run(), active: (e) => e.isActive('tableHeader') },
  { label: 'Căn trái ô', run: (e) => chain(e).setCellAttribute('align', 'left').run(), active: (e) => e.isActive({ align: 'left' }) },
  { label: 'Căn giữa ô', run: (e) => chain(e).setCellAttribute('align', 'center').run(), active: (e) => e.isActive({ align: 'center' }) },
  { label: 'Căn phải ô', run: (e) => chain(e).setCellAttribute('align', 'right').run(), active: (e) => e.isActive({ align: 'right' }) },
  { label: 'Thêm hàng', run: (e) => chain(e).addRowAfter().run() },
  { label: 'Thêm cột', run: (e) => chain(e).addColumnAfter().run() },
  { label: 'Xoá hàng', run: (e) => chain(e).deleteRow().run() },
  { label: 'Xoá cột', run: (e) => chain(e).deleteColumn().run() },
  { label: 'Xoá bảng', run: (e) => chain(e).deleteTable().run() },
];

export const HISTORY_BUTTONS: ToolbarButton[] = [
  { label: 'Hoàn tác', shortcut: 'Ctrl+Z', run: (e) => chain(e).undo().run() },
  { label: 'Làm lại', shortcut: 'Ctrl+Shift+Z', run: (e) => chain(e).redo().run() },
];
