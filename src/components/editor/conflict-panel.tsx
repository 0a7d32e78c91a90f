'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { documentText, type RichDocument } from '@/content/schema';
import { formatDateTime } from '@/lib/dates';
import { DRAFT_FIELD_LABELS, type ArticleDraft, type DraftField } from '@/schemas/article';
import type { PendingConflict } from './autosave';

// A colleague saved the same fields first. Fields only one side changed are already merged;
// here each field both changed is shown side by side with a choice of which to keep.

function fieldText(draft: ArticleDraft, field: DraftField): string {
  if (field === 'body') return documentText(draft.body as RichDocument);
  if (field === 'tags') return draft.tags.join(', ');
  return draft[field];
}

export function ConflictPanel({
  conflict,
  mine,
  onResolve,
  onTakeLatest,
}: {
  conflict: PendingConflict;
  mine: ArticleDraft;
  onResolve: (choices: Partial<Record<DraftField, 'mine' | 'theirs'>>) => void;
  onTakeLatest: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Partial<Record<DraftField, 'mine' | 'theirs'>>>({});
  const { theirs, merge } = conflict;
  useEffect(() => heading.current?.focus(), []);
  const keepAllMine = () => onResolve(Object.fromEntries(merge.contested.map((field) => [field, 'mine'])));
  return (
    <section className="conflict" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`} ref={heading} tabIndex={-1}>
        Bài viết vừa được người khác lưu
      </h2>
      <p>
        Bản của bạn chưa được lưu và vẫn còn nguyên trong trình soạn thảo. Những phần chỉ một bên sửa đã được gộp. Phần cả hai cùng sửa (
        {merge.contested.map((field) => DRAFT_FIELD_LABELS[field]).join(', ')}) cần bạn chọn giữ bản nào.
      </p>
      {merge.takenFromTheirs.length ? (
        <p>Đã lấy từ bản mới nhất: {merge.takenFromTheirs.map((field) => DRAFT_FIELD_LABELS[field]).join(', ')}.</p>
      ) : null}
      {merge.contested.map((field) => (
        <fieldset key={field} className="conflict__field">
          <legend>{DRAFT_FIELD_LABELS[field]}</legend>
          <div className="conflict__columns">
            <article aria-labelledby={`${id}-${field}-cua-toi`}>
              <h3 id={`${id}-${field}-cua-toi`}>Bản của bạn (chưa lưu)</h3>
              <div className="conflict__text">{fieldText(mine, field)}</div>
              <label>
                <input
                  type="radio"
                  name={`${id}-${field}`}
                  checked={(choices[field] ?? 'mine') === 'mine'}
                  onChange={() => setChoices({ ...choices, [field]: 'mine' })}
                />{' '}
                Giữ {DRAFT_FIELD_LABELS[field].toLowerCase()} của tôi
              </label>
            </article>
            <article aria-labelledby={`${id}-${field}-moi`}>
              <h3 id={`${id}-${field}-moi`}>
                Bản mới nhất — phiên bản {theirs.version}, lưu lúc {formatDateTime(new Date(theirs.updatedAt))}
              </h3>
              <div className="conflict__text">{fieldText(theirs, field)}</div>
              <label>
                <input
                  type="radio"
                  name={`${id}-${field}`}
                  checked={choices[field] === 'theirs'}
                  onChange={() => setChoices({ ...choices, [field]: 'theirs' })}
                />{' '}
                Dùng {DRAFT_FIELD_LABELS[field].toLowerCase()} mới nhất
              </label>
            </article>
          </div>
        </fieldset>
      ))}
      <div className="editor-actions">
        <button type="button" className="admin-button admin-button--primary" onClick={() => onResolve(choices)}>
          Lưu theo lựa chọn
        </button>
        <button type="button" className="admin-button" onClick={keepAllMine}>
          Giữ bản của tôi
        </button>
        <button type="button" className="admin-button admin-button--quiet" onClick={onTakeLatest}>
          Dùng bản mới nhất
        </button>
      </div>
    </section>
  );
}
