// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { articleExtensions } from '@/components/editor/extensions';
import { cleanPastedHtml } from '@/components/editor/paste';
import { FORMAT_BUTTONS, HISTORY_BUTTONS, TABLE_BUTTONS } from '@/components/editor/toolbar';
import { parseRichDocument, type RichDocument } from '@/content/schema';

// Every document the editor can produce — each toolbar action, each paste fixture — must be
// one the server accepts: the editor and src/content/schema.ts describe the same model.

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/paste');
const editors: Editor[] = [];

function editorWith(content: string): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({ element, extensions: articleExtensions(), content });
  editors.push(editor);
  return editor;
}

/** What the editor sends to the server: a JSON copy (ProseMirror attrs are null-prototype objects). */
const saved = (editor: Editor) => JSON.parse(JSON.stringify(editor.getJSON())) as unknown;

function expectAccepted(editor: Editor) {
  const checked = parseRichDocument(saved(editor));
  expect(checked.ok ? 'ok' : checked.message).toBe('ok');
  return (checked as { document: RichDocument }).document;
}

/** Pastes as the browser does: through ProseMirror's paste path and our transformPastedHTML. */
function paste(editor: Editor, html: string): number {
  const { html: cleaned, droppedImages } = cleanPastedHtml(html);
  editor.view.pasteHTML(cleaned);
  return droppedImages;
}

afterEach(() => {
  editors.splice(0).forEach((editor) => editor.destroy());
  document.body.innerHTML = '';
});

describe('every toolbar action', () => {
  const sample = '<p>Đoạn <strong>một</strong> về cải cách hành chính.</p><p>Đoạn hai.</p>';
  it.each([...FORMAT_BUTTONS, ...HISTORY_BUTTONS].map((button) => [button.label, button] as const))(
    '%s gives a valid document',
    (_label, button) => {
      const editor = editorWith(sample);
      editor.commands.setTextSelection({ from: 3, to: 8 });
      button.run(editor);
      expectAccepted(editor);
    },
  );

  it.each(TABLE_BUTTONS.map((button) => [button.label, button] as const))('inside a table, %s gives a valid document', (_label, button) => {
    const editor = editorWith(sample);
    editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
    editor.commands.insertContent('Ô có chữ');
    button.run(editor);
    expectAccepted(editor);
  });

  it('keeps a table made with "Chèn bảng": header row, alignment and all', () => {
    const editor = editorWith(sample);
    const insert = FORMAT_BUTTONS.find((button) => button.label === 'Chèn bảng')!;
    insert.run(editor);
    editor.commands.insertContent('Chỉ tiêu');
    TABLE_BUTTONS.find((button) => button.label === 'Căn giữa ô')!.run(editor);
    const document = expectAccepted(editor);
    const table = document.content.find((block) => block.type === 'table');
    expect(table?.type).toBe('table');
    const firstRow = table && table.type === 'table' ? table.content[0]! : null;
    expect(firstRow?.content.map((cell) => cell.type)).toEqual(['tableHeader', 'tableHeader', 'tableHeader']);
    expect(firstRow?.content[0]?.attrs?.align).toBe('center');
  });
});

describe('every paste fixture', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));

  it.each(fixtures)('%s gives a valid document', (name) => {
    const editor = editorWith('<p></p>');
    paste(editor, readFileSync(path.join(FIXTURES, name), 'utf8'));
    expectAccepted(editor);
  });

  it('turns Word’s bulleted paragraphs into a real list, keeps the table with its header and reports the picture', () => {
    const editor = editorWith('<p></p>');
    const dropped = paste(editor, readFileSync(path.join(FIXTURES, 'word-clipboard.html'), 'utf8'));
    const document = expectAccepted(editor);
    expect(dropped).toBe(1);
    const list = document.content.find((block) => block.type === 'bulletList');
    expect(
      list && list.type === 'bulletList' ? list.content.map((item) => editor.schema.nodeFromJSON(item).textContent.trim()) : [],
    ).toEqual(['Rà soát 100% thủ tục hành chính cấp xã', 'Số hóa hồ sơ, kết quả giải quyết TTHC']);
    expect(JSON.stringify(document)).not.toContain('·');
    expect(JSON.stringify(document)).not.toContain('file:');
    const table = document.content.find((block) => block.type === 'table');
    expect(table && table.type === 'table' ? table.content[0]!.content.map((cell) => cell.type) : []).toEqual([
      'tableHeader',
      'tableHeader',
    ]);
    expect(editor.getText()).toContain('85,6%');
  });

  it('keeps Word’s list levels', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp;&nbsp;</span></span><![endif]>${text}</p>`;
    const html = [item(1, '1.', 'Một'), item(2, 'o', 'Một a'), item(2, 'o', 'Một b'), item(1, '2.', 'Hai')].join('\n');
    const editor = editorWith('<p></p>');
    paste(editor, html);
    const document = expectAccepted(editor);
    expect(document.content[0]?.type).toBe('orderedList');
    const first = document.content[0]!.type === 'orderedList' ? document.content[0]!.content[0]! : null;
    expect(first?.content.map((block) => block.type)).toEqual(['paragraph', 'bulletList']);
  });

  it('does not make a Google Docs paste bold throughout, and keeps cell alignment', () => {
    const editor = editorWith('<p></p>');
    const dropped = paste(editor, readFileSync(path.join(FIXTURES, 'google-docs.html'), 'utf8'));
    const document = expectAccepted(editor);
    const first = document.content[0]!;
    expect(
      first.type === 'paragraph'
        ? first.content?.filter((node) => node.type === 'text' && node.marks?.length).map((node) => node.type === 'text' && node.text)
        : [],
    ).toEqual(['cải cách hành chính']);
    expect(JSON.stringify(document)).toContain('"align":"right"');
    expect(JSON.stringify(document)).not.toContain('javascript');
    expect(dropped).toBe(1);
  });
});
