import { apiUrl } from '../api';

/** A file on the server, as a form's attachment row holds it. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export class UploadError extends Error {}

/**
 * POST /api/files with the upload's progress (fetch has none): resolves with the stored file, or
 * rejects with the server's reason (type not accepted, too big) as the message.
 */
export function uploadFile(
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl('/files'));
    request.withCredentials = true;
    request.setRequestHeader('X-Requested-With', 'congressflow');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as
        (UploadedFile & { message?: string; details?: { message: string }[] }) | null;
      if (request.status >= 200 && request.status < 300 && body) resolve(body);
      else
        reject(
          new UploadError(body?.details?.[0]?.message ?? body?.message ?? `HTTP ${request.status}`),
        );
    };
    request.onerror = () => reject(new UploadError('network'));
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
