'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useId, useState } from 'react';
import type { Outcome } from '@/lib/outcome';
import { BULK_ACTION_LABELS, type BulkAction, type BulkItemResult } from '@/schemas/bulk';

// "Thao tác hàng loạt": the rows' checkboxes belong to this form by its id (form="…"), so the
// list itself stays a plain server-rendered list. The answer lists every article with what
// happened to it.

export const BULK_FORM_ID = 'thao-tac-hang-loat';

type MoveTarget = { issueId: number; label: string; sections: { id: number; title: string }[] };
type BulkFormAction = (state: Outcome<BulkItemResult[]> | null, formData: FormData) => Promise<Outcome<BulkItemResult[]>>;

export function BulkForm({
  action,
  actions,
  moveTargets,
  knownTags,
}: {
  action: BulkFormAction;
  /** The steps this person may take (approving is for approvers). */
  actions: BulkAction[];
  moveTargets: MoveTarget[];
  knownTags: string[];
}) {
  const id = useId();
  const router = useRouter();
  const [state, dispatch, isPending] = useActionState(action, null);
  const [chosen, setChosen] = useState<BulkAction>(actions[0]!);
  useEffect(() => {
    // Statuses and versions changed: the list is read again (the results stay).
    if (state?.ok) router.refresh();
  }, [state, router]);
  const toggleAll = (checked: boolean) =>
    document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM_ID}"][name="chon"]`).forEach((box) => {
      box.checked = checked;
    });
  return (
    <form id={BULK_FORM_ID} action={dispatch} className="admin-form bulk-form" aria-labelledby={`${id}-tieu-de`}>
      <h2 id={`${id}-tieu-de`}>Thao tác hàng loạt</h2>
      <p className="bulk-form__hint">Chọn bài trong danh sách bên dưới, rồi chọn thao tác. Mỗi bài được xử lý riêng và có kết quả riêng.</p>
      <label className="bulk-form__all">
        <input type="checkbox" onChange={(event) => toggleAll(event.target.checked)} /> Chọn tất cả bài trên trang này
      </label>
      <div className="admin-field">
        <label htmlFor={`${id}-thao-tac`}>Thao tác</label>
        <select id={`${id}-thao-tac`} name="thao-tac" value={chosen} onChange={(event) => setChosen(event.target.value as BulkAction)}>
          {actions.map((name) => (
            <option key={name} value={name}>
              {BULK_ACTION_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      {chosen === 'tag' ? (
        <div className="admin-field">
          <label htmlFor={`${id}-chu-de`}>Chủ đề cần thêm</label>
          <input id={`${id}-chu-de`} name="chu-de" list={`${id}-cac-chu-de`} maxLength={80} required />
          <datalist id={`${id}-cac-chu-de`}>
            {knownTags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </div>
      ) : null}
      {chosen === 'move' ? (
        <div className="admin-field">
          <label htmlFor={`${id}-dich`}>Số và chuyên mục</label>
          {moveTargets.length ? (
            <select id={`${id}-dich`} name="dich" required>
              {moveTargets.map((target) => (
                <optgroup key={target.issueId} label={target.label}>
                  {target.sections.map((section) => (
                    <option key={section.id} value={`${target.issueId}:${section.id}`}>
                      {target.label} · {section.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          ) : (
            <p id={`${id}-dich`}>Chưa có số nào đang soạn.</p>
          )}
        </div>
      ) : null}
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        {isPending ? 'Đang xử lý…' : 'Thực hiện'}
      </button>
      <div role="status" className="bulk-form__outcome">
        {state ? (
          <p className={state.ok ? 'form-outcome--ok' : 'form-outcome--error'}>
            {state.message}
            {!state.ok && state.fieldErrors ? ` ${Object.values(state.fieldErrors).join(' ')}` : null}
          </p>
        ) : null}
        {state?.ok ? (
          <ul className="bulk-results">
            {state.data.map((result) => (
              <li key={result.id} className={result.ok ? 'bulk-results__ok' : 'bulk-results__refused'}>
                <span className="visually-hidden">{result.ok ? 'Thành công: ' : 'Chưa thực hiện: '}</span>
                <strong>{result.title}</strong>: {result.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
