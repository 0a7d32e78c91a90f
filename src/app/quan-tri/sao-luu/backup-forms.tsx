'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/admin/field';
import { FormOutcome } from '@/components/admin/form-outcome';
import { fieldErrorsOf, typedValuesOf, type FormAction as Action } from '@/components/admin/form-state';

export type BackupSettingsValues = { isEnabled: boolean; dailyTime: string; keepCount: number; directory: string; version: number };

export function BackupSettingsForm({ action, settings }: { action: Action; settings: BackupSettingsValues }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  const typed = typedValuesOf(state);
  return (
    <form action={formAction} className="admin-form" noValidate>
      <input type="hidden" name="expectedVersion" value={settings.version} />
      <label className="backup-toggle">
        <input type="checkbox" name="isEnabled" defaultChecked={settings.isEnabled} /> Sao lưu tự động mỗi ngày
      </label>
      <div className="admin-form__grid">
        <TextField
          id="gio-sao-luu"
          name="dailyTime"
          inputMode="numeric"
          placeholder="02:30"
          maxLength={5}
          autoComplete="off"
          label="Giờ sao lưu"
          hint="Giờ Việt Nam, dạng 24 giờ HH:mm; chọn lúc ít người dùng, ví dụ 02:30."
          defaultValue={typed.dailyTime ?? settings.dailyTime}
          error={errors.dailyTime}
          required
        />
        <TextField
          id="so-ban-giu"
          name="keepCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          label="Số bản giữ lại"
          hint="Bản cũ hơn bị xoá sau mỗi lần sao lưu thành công."
          defaultValue={typed.keepCount ?? settings.keepCount}
          error={errors.keepCount}
          required
        />
      </div>
      <TextField
        id="thu-muc-sao-luu"
        name="directory"
        label="Thư mục lưu"
        hint="Đường dẫn tuyệt đối trên máy chủ; nên là một ổ đĩa khác, hoặc được chép sang máy khác mỗi ngày."
        defaultValue={typed.directory ?? settings.directory}
        error={errors.directory}
        required
        maxLength={500}
        spellCheck={false}
      />
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        Lưu
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function StartBackupForm({ action, isRunning }: { action: Action; isRunning: boolean }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="admin-form">
      <button type="submit" className="admin-button" disabled={isPending || isRunning} aria-busy={isPending}>
        {isRunning ? 'Đang sao lưu…' : 'Sao lưu ngay'}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
