'use client';

import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { isSafeHref } from '@/content/schema';
import { chain } from './toolbar';

/** "Liên kết" (Ctrl+K): the address of a link on the selected text, checked like the server checks it. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [href, setHref] = useState<string>(() => editor.getAttributes('link').href ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (!value) {
      chain(editor).extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!isSafeHref(value)) {
      setError('Liên kết chỉ được dùng http://, https://, mailto: hoặc đường dẫn trong trang (bắt đầu bằng /).');
      return;
    }
    chain(editor).extendMarkRange('link').setLink({ href: value }).run();
    onClose();
  };
  return (
    // A div, not a form: the editor page is itself inside a form.
    <div className="editor-link" role="group" aria-label="Liên kết">
      <label htmlFor="dia-chi-lien-ket">Địa chỉ liên kết</label>
      <input
        id="dia-chi-lien-ket"
        type="url"
        value={href}
        autoFocus
        placeholder="https://…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'dia-chi-lien-ket-loi' : undefined}
        onChange={(event) => setHref(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit(event);
          if (event.key === 'Escape') {
            onClose();
            editor.commands.focus();
          }
        }}
      />
      <button type="button" className="admin-button admin-button--primary" onClick={submit}>
        Áp dụng
      </button>
      <button
        type="button"
        className="admin-button admin-button--quiet"
        onClick={() => {
          chain(editor).extendMarkRange('link').unsetLink().run();
          onClose();
        }}
      >
        Bỏ liên kết
      </button>
      {error && (
        <p id="dia-chi-lien-ket-loi" className="admin-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
