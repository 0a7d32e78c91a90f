'use client';

import { useActionState } from 'react';
import { FileField } from '@/components/admin/field';
import { OutcomeRegions } from '@/components/admin/form-outcome';
import { fieldErrorsOf, type FormAction as Action } from '@/components/admin/form-state';

/** Upload of the publication's logo; a plain multipart form that also works without JavaScript. */
export function LogoForm({ action, publicationId, logoMediaId }: { action: Action; publicationId: number; logoMediaId: number | null }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <section className="admin-panel" aria-labelledby="bieu-trung">
      <h2 id="bieu-trung">Biểu trưng</h2>
      {logoMediaId ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our media route, not /_next/image
        <img src={`/media/${logoMediaId}/web`} alt="Biểu trưng hiện tại" className="settings-logo" />
      ) : (
        <p>Chưa có biểu trưng.</p>
      )}
      <form action={formAction} className="admin-form" noValidate>
        <input type="hidden" name="publicationId" value={publicationId} />
        <FileField
          label="Tệp ảnh (JPEG, PNG hoặc WebP, tối đa 4 MB)"
          name="logo"
          accept="image/jpeg,image/png,image/webp"
          error={fieldErrorsOf(state).logo}
        />
        <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
          {isPending ? 'Đang tải lên…' : 'Tải biểu trưng lên'}
        </button>
        <OutcomeRegions state={state} />
      </form>
    </section>
  );
}
