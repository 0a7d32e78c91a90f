'use client';

import { useActionState } from 'react';
import type { FormState } from '../ban-tin/form-state';
import { OutcomeRegions } from '@/components/admin/form-outcome';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

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
      <form action={formAction} className="admin-form">
        <input type="hidden" name="publicationId" value={publicationId} />
        <div className="admin-field">
          <label htmlFor="bieu-trung-tep">Tệp ảnh (JPEG, PNG hoặc WebP, tối đa 4 MB)</label>
          <input id="bieu-trung-tep" name="logo" type="file" accept="image/jpeg,image/png,image/webp" required />
        </div>
        <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
          {isPending ? 'Đang tải lên…' : 'Tải biểu trưng lên'}
        </button>
        <OutcomeRegions state={state} />
      </form>
    </section>
  );
}
