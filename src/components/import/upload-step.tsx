'use client';

import { useState, type FormEvent } from 'react';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from '@/schemas/import';
import { uploadForReview, type ReviewPayload, type UploadProgress } from './upload';

const MB = 1024 * 1024;

/** Choose a file (or paste text), send it with a progress bar, get the proposal back. */
export function UploadStep({ isArchive, onAnalysed }: { isArchive: boolean; onAnalysed: (payload: ReviewPayload) => void }) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(file: Blob, name: string) {
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) return setError(`Tệp quá lớn (${Math.ceil(file.size / MB)} MB; tối đa ${MAX_IMPORT_BYTES / MB} MB).`);
    setProgress({ phase: 'uploading', percent: 0 });
    try {
      onAnalysed(await uploadForReview(file, name, setProgress));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setProgress(null);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const pasted = String(form.get('pasted') ?? '').trim();
    if (file instanceof File && file.size > 0) return send(file, file.name);
    if (pasted) return send(new Blob([pasted], { type: 'text/plain' }), 'van-ban-dan.txt');
    setError('Hãy chọn một tệp hoặc dán nội dung bản tin.');
  }

  const busy = progress !== null;
  return (
    <form className="admin-form import-upload" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="admin-field">
        <label htmlFor="nhap-tep">Tệp bản tin</label>
        <input
          id="nhap-tep"
          name="file"
          type="file"
          accept={IMPORT_EXTENSIONS.join(',')}
          aria-describedby="nhap-tep-goi-y"
          disabled={busy}
        />
        <p id="nhap-tep-goi-y" className="admin-field__hint">
          {isArchive
            ? 'Tệp PDF gốc của số cũ (giữ làm bản in của số); cũng nhận .docx, .html, .md, .txt.'
            : 'Word (.docx), PDF có lớp chữ, trang web đã lưu (.html), .md hoặc .txt; tối đa 30 MB.'}
        </p>
      </div>
      {isArchive ? null : (
        <div className="admin-field">
          <label htmlFor="nhap-dan">Hoặc dán văn bản</label>
          <textarea id="nhap-dan" name="pasted" rows={6} disabled={busy} />
        </div>
      )}
      <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
        Phân tích
      </button>
      <div role="status" className="import-progress">
        {progress?.phase === 'uploading' ? (
          <>
            <label htmlFor="nhap-tien-do">Đang tải lên {progress.percent}%</label>
            <progress id="nhap-tien-do" max={100} value={progress.percent} />
          </>
        ) : progress?.phase === 'analysing' ? (
          <>
            <span>Đang phân tích bản tin…</span>
            <progress aria-label="Đang phân tích" />
          </>
        ) : null}
      </div>
      <div role="alert" className="form-outcome form-outcome--error">
        {error ? <p>{error}</p> : null}
      </div>
    </form>
  );
}
