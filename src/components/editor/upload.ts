// Sends one image to the upload route; XMLHttpRequest because fetch reports no upload progress.

export type UploadedImage = { id: number; width: number; height: number };

export function uploadImage(file: File, onProgress: (percent: number) => void): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/quan-tri/api/media');
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as (UploadedImage & { error?: string }) | null;
      if (request.status === 201 && body) resolve(body);
      else reject(new Error(body?.error ?? `Không tải được ảnh lên (mã ${request.status}).`));
    };
    request.onerror = () => reject(new Error('Không tải được ảnh lên: mất kết nối.'));
    request.send(file);
  });
}
