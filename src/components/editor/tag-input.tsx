'use client';

import { useId, useState } from 'react';

const clean = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * "Chủ đề": a combobox that suggests existing tags (accent-insensitive) and adds a new one
 * with Enter or a comma. Arrow keys move through suggestions; Backspace in an empty field
 * removes the last tag.
 */
export function TagInput({
  value,
  onChange,
  known,
  disabled,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  known: string[];
  disabled: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const query = fold(clean(text));
  const chosen = new Set(value.map(fold));
  const suggestions = query ? known.filter((tag) => fold(tag).includes(query) && !chosen.has(fold(tag))).slice(0, 8) : [];
  const open = suggestions.length > 0;

  const add = (tag: string) => {
    const name = clean(tag).slice(0, 80);
    if (name && !chosen.has(fold(name))) onChange([...value, known.find((k) => fold(k) === fold(name)) ?? name]);
    setText('');
    setActive(-1);
  };

  return (
    <div className="tag-input">
      <label htmlFor={`${id}-input`}>Chủ đề</label>
      {value.length > 0 && (
        <ul className="tag-input__chosen" aria-label="Chủ đề đã chọn">
          {value.map((tag) => (
            <li key={tag}>
              <span>{tag}</span>
              {!disabled && (
                <button
                  type="button"
                  aria-label={`Bỏ chủ đề ${tag}`}
                  title={`Bỏ chủ đề ${tag}`}
                  onClick={() => onChange(value.filter((t) => t !== tag))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        disabled={disabled}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && open) {
            event.preventDefault();
            setActive((active + 1) % suggestions.length);
          } else if (event.key === 'ArrowUp' && open) {
            event.preventDefault();
            setActive((active - 1 + suggestions.length) % suggestions.length);
          } else if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add(active >= 0 && open ? suggestions[active]! : text);
          } else if (event.key === 'Escape') {
            setText('');
          } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
      />
      <p id={`${id}-hint`} className="admin-field__hint">
        Gõ để tìm chủ đề có sẵn; Enter để thêm (chủ đề mới được tạo khi lưu).
      </p>
      <ul id={`${id}-list`} role="listbox" aria-label="Gợi ý chủ đề" className="tag-input__suggestions" hidden={!open}>
        {suggestions.map((tag, index) => (
          <li
            key={tag}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              add(tag);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
    </div>
  );
}
