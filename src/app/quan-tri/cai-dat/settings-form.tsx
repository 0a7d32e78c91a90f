'use client';

import { useActionState, useState } from 'react';
import type { FormState } from '../ban-tin/form-state';
import { FormOutcome, TextField } from '../ban-tin/fields';

type Option = { value: string; label: string };
type DefaultSection = { id: number; title: string; expectsSource: boolean };
type SectionRow = { key: string; id: number | null; title: string; expectsSource: boolean };

export type SettingsValues = {
  publicationId: number;
  version: number;
  mastheadTitle: string;
  agencyName: string;
  creditLabel: string;
  creditLine: string;
  pageSize: string;
  cadence: string;
  bodyColumns: string;
  licenceNumber: string | null;
  licenceDate: string;
  printingPlace: string | null;
  printRun: string | null;
  frequencyText: string | null;
  responsiblePerson: string | null;
  defaultSections: DefaultSection[];
};

type SelectName = 'pageSize' | 'cadence' | 'bodyColumns';
type TextName = Exclude<keyof SettingsValues, 'publicationId' | 'version' | 'defaultSections' | SelectName>;

const rowsOf = (sections: DefaultSection[]): SectionRow[] => sections.map((section) => ({ ...section, key: `luu-${section.id}` }));

export function SettingsForm({
  action,
  settings,
  pageSizes,
  cadences,
  bodyColumns,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  settings: SettingsValues;
  pageSizes: Option[];
  cadences: Option[];
  bodyColumns: Option[];
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [loaded, setLoaded] = useState(settings);
  const [rows, setRows] = useState(() => rowsOf(settings.defaultSections));
  const [added, setAdded] = useState(0);
  // Saved settings come back with the stored sections (new ones now have ids).
  if (settings !== loaded) {
    setLoaded(settings);
    setRows(rowsOf(settings.defaultSections));
  }
  const errors = state?.fieldErrors ?? {};
  const typed = state && !state.ok ? (state.values ?? {}) : {};
  const value = (name: TextName | SelectName) => typed[name] ?? settings[name] ?? '';
  const text = (name: TextName, id: string, label: string, required = true) => (
    <TextField id={id} name={name} label={label} defaultValue={value(name)} error={errors[name]} required={required} maxLength={300} />
  );
  const select = (name: SelectName, id: string, label: string, options: Option[]) => (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value(name)} aria-invalid={errors[name] ? true : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors[name] ? <p className="admin-field__error">{errors[name]}</p> : null}
    </div>
  );

  const update = (key: string, change: Partial<SectionRow>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, delta: -1 | 1) => {
    const next = [...rows];
    next.splice(index + delta, 0, ...next.splice(index, 1));
    setRows(next);
  };

  return (
    <form action={formAction} className="admin-form settings-form" noValidate>
      <input type="hidden" name="publicationId" value={settings.publicationId} />
      <input type="hidden" name="expectedVersion" value={settings.version} />
      <fieldset className="admin-panel settings-group">
        <legend>Đầu bản tin</legend>
        <div className="admin-form__grid">
          {text('mastheadTitle', 'ten-an-pham', 'Tên ấn phẩm')}
          {text('agencyName', 'co-quan', 'Cơ quan')}
          {text('creditLabel', 'nhan-bien-tap', 'Nhãn dòng biên tập')}
          {text('creditLine', 'dong-bien-tap', 'Dòng biên tập')}
          {select('pageSize', 'kho-giay', 'Khổ giấy', pageSizes)}
          {select('cadence', 'dinh-ky', 'Định kỳ', cadences)}
          {select('bodyColumns', 'so-cot', 'Số cột bản PDF', bodyColumns)}
        </div>
      </fieldset>
      <fieldset className="admin-panel settings-group">
        <legend>Thông tin xuất bản (cuối trang cuối)</legend>
        <div className="admin-form__grid">
          {text('licenceNumber', 'so-giay-phep', 'Số giấy phép', false)}
          <TextField
            id="ngay-cap-phep"
            name="licenceDate"
            label="Ngày cấp phép"
            type="date"
            defaultValue={value('licenceDate')}
            error={errors.licenceDate}
          />
          {text('printingPlace', 'noi-in', 'Nơi in', false)}
          {text('printRun', 'so-luong-in', 'Số lượng in', false)}
          {text('frequencyText', 'ky-han', 'Kỳ hạn xuất bản', false)}
          {text('responsiblePerson', 'nguoi-chiu-trach-nhiem', 'Người chịu trách nhiệm xuất bản', false)}
        </div>
      </fieldset>
      <fieldset className="admin-panel settings-group">
        <legend>Chuyên mục mặc định của số mới</legend>
        {errors.defaultSections ? <p className="admin-field__error">{errors.defaultSections}</p> : null}
        <ol className="settings-sections">
          {rows.map((row, index) => {
            const name = row.title || `chuyên mục ${index + 1}`;
            return (
              <li key={row.key} className="settings-section">
                <input type="hidden" name="sectionId" value={row.id ?? ''} />
                <input type="hidden" name="sectionExpectsSource" value={String(row.expectsSource)} />
                <label htmlFor={`ten-${row.key}`}>Tên chuyên mục {index + 1}</label>
                <input
                  id={`ten-${row.key}`}
                  name="sectionTitle"
                  value={row.title}
                  onChange={(event) => update(row.key, { title: event.target.value })}
                  maxLength={300}
                />
                <label className="settings-section__check">
                  <input
                    type="checkbox"
                    checked={row.expectsSource}
                    onChange={(event) => update(row.key, { expectsSource: event.target.checked })}
                  />{' '}
                  Cần ghi nguồn<span className="visually-hidden"> ({name})</span>
                </label>
                <button type="button" className="admin-button" disabled={index === 0} onClick={() => move(index, -1)}>
                  Lên<span className="visually-hidden">: {name}</span>
                </button>
                <button type="button" className="admin-button" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                  Xuống<span className="visually-hidden">: {name}</span>
                </button>
                <button type="button" className="admin-button" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
                  Xoá<span className="visually-hidden">: {name}</span>
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="admin-button"
          onClick={() => {
            setRows([...rows, { key: `moi-${added}`, id: null, title: '', expectsSource: false }]);
            setAdded(added + 1);
          }}
        >
          Thêm chuyên mục
        </button>
      </fieldset>
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        Lưu
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
