// Sends a bulletin file to the import route with upload progress (fetch has none), and
// returns the proposed issue or the server's Vietnamese refusal.
import type { ReviewPayload } from '@/schemas/import';

export type { ReviewPayload };

export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'analysing' };

export function uploadForReview(file: Blob, fileName: string, onProgress: (progress: UploadProgress) => void): Promise<ReviewPayload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/quan-tri/api/import');
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(fileName));
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    request.upload.onload = () => onProgress({ phase: 'analysing' });
    request.onload = () => {
      const body = request.response as (ReviewPayload & { error?: string }) | null;
      if (request.status === 200 && body && !body.error) resolve(body);
      else reject(new Error(body?.error ?? `Không nhập được tệp (mã lỗi ${request.status}).`));
    };
    request.onerror = () => reject(new Error('Mất kết nối tới máy chủ khi tải tệp lên. Hãy thử lại.'));
    request.send(file);
  });
}
