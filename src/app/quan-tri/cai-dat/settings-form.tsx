'use client';

import { useActionState, useState, useTransition } from 'react';
import { describedBy, Field } from '@/components/admin/field';
import { FormOutcome } from '@/components/admin/form-outcome';
import { fieldErrorsOf, submitWithoutReset, type FormAction } from '@/components/admin/form-state';

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
  licenceNumber: string | null;
  licenceDate: string;
  printingPlace: string | null;
  printRun: string | null;
  frequencyText: string | null;
  responsiblePerson: string | null;
  defaultSections: DefaultSection[];
};

type TextName = Exclude<keyof SettingsValues, 'publicationId' | 'version' | 'defaultSections'>;
type Values = Record<TextName, string>;

const valuesOf = (settings: SettingsValues): Values => ({
  mastheadTitle: settings.mastheadTitle,
  agencyName: settings.agencyName,
  creditLabel: settings.creditLabel,
  creditLine: settings.creditLine,
  pageSize: settings.pageSize,
  cadence: settings.cadence,
  licenceNumber: settings.licenceNumber ?? '',
  licenceDate: settings.licenceDate,
  printingPlace: settings.printingPlace ?? '',
  printRun: settings.printRun ?? '',
  frequencyText: settings.frequencyText ?? '',
  responsiblePerson: settings.responsiblePerson ?? '',
});

const rowsOf = (sections: DefaultSection[]): SectionRow[] => sections.map((section) => ({ ...section, key: `luu-${section.id}` }));

export function SettingsForm({
  action,
  settings,
  pageSizes,
  cadences,
}: {
  action: FormAction;
  settings: SettingsValues;
  pageSizes: Option[];
  cadences: Option[];
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const [loaded, setLoaded] = useState(settings);
  const [rows, setRows] = useState(() => rowsOf(settings.defaultSections));
  const [added, setAdded] = useState(0);
  // Controlled fields: React resets a form's uncontrolled fields after its action, which showed
  // the old values (and saved them again next time). What is typed stays until the server's
  // saved settings come back.
  const [values, setValues] = useState(() => valuesOf(settings));
  if (settings !== loaded) {
    setLoaded(settings);
    setRows(rowsOf(settings.defaultSections));
    setValues(valuesOf(settings));
  }
  const errors = fieldErrorsOf(state);
  const control = (name: TextName, id: string, hint?: string) => ({
    id,
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(id, hint, errors[name]),
  });
  const text = (name: TextName, id: string, label: string, required = true, hint?: string) => (
    <Field id={id} label={label} error={errors[name]} hint={hint}>
      <input {...control(name, id, hint)} maxLength={300} aria-required={required || undefined} />
    </Field>
  );
  const select = (name: 'pageSize' | 'cadence', id: string, label: string, options: Option[]) => (
    <Field id={id} label={label} error={errors[name]}>
      <select {...control(name, id)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );

  const update = (key: string, change: Partial<SectionRow>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const move = (index: number, delta: -1 | 1) => {
    const next = [...rows];
    next.splice(index + delta, 0, ...next.splice(index, 1));
    setRows(next);
  };

  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction, startTransition)} className="admin-form settings-form" noValidate>
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
        </div>
      </fieldset>
      <fieldset className="admin-panel settings-group">
        <legend>Thông tin xuất bản (cuối trang cuối)</legend>
        <div className="admin-form__grid">
          {text('licenceNumber', 'so-giay-phep', 'Số giấy phép', false)}
          {text('licenceDate', 'ngay-cap-phep', 'Ngày cấp phép', false, 'Dạng dd/mm/yyyy.')}
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
